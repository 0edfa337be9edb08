"""The French labels of the data·inclusion v1 thematiques, for text agents and mayors read.

Codes such as ``famille--garde-denfants`` stay in structured data (JSON, CSV, the journal);
French text shows their label ("Garde d’enfants"). Kept apart from the partner modules so
that routing and the monthly report can use it without loading the plugins.
"""

from __future__ import annotations

__all__ = ["THEMATIQUE_LABELS", "thematique_label"]

#: data·inclusion v1 thematique code -> its official French label, copied from the schema's
#: ``Thematique`` enum (each member is ``(code, label, description)``): gip-inclusion/
#: data-inclusion-schema ``src/data_inclusion/schema/v1/thematiques.py`` at 4647d04 (the
#: version :data:`mfs_core.partners._sources.DATA_INCLUSION_THEMATIQUES` was read from;
#: a test checks that both hold the same codes). Licence Ouverte 2.0.
THEMATIQUE_LABELS: dict[str, str] = {
    # Choisir un métier
    "choisir-un-metier--confirmer-son-choix-de-metier": "Confirmer son choix de métier",
    "choisir-un-metier--connaitre-les-opportunites-demploi": (
        "Connaître les opportunités d’emploi"
    ),
    "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite": (
        "Découvrir un métier ou un secteur d’activité"
    ),
    "choisir-un-metier--identifier-ses-points-forts-et-ses-competences": (
        "Identifier ses points forts et ses compétences"
    ),
    # Créer une entreprise
    "creer-une-entreprise--definir-son-projet-de-creation-dentreprise": (
        "Définir son projet de création d’entreprise"
    ),
    "creer-une-entreprise--developper-son-entreprise": "Développer son entreprise",
    "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise": (
        "Structurer son projet de création d’entreprise"
    ),
    # Difficultés administratives ou juridiques
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives": (
        "Accompagnement aux démarches administratives"
    ),
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete": (
        "Accompagnement pour l’accès à la citoyenneté"
    ),
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits": (
        "Accompagnement pour l’accès aux droits"
    ),
    "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte": (
        "Bénéficier d’une mesure d’accompagnement adapté"
    ),
    "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination": (
        "Connaître ses droits face à une discrimination"
    ),
    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire": (
        "Prendre en compte une problématique judiciaire"
    ),
    # Difficultés financières
    "difficultes-financieres--acquerir-une-autonomie-budgetaire": (
        "Acquérir une autonomie budgétaire"
    ),
    "difficultes-financieres--ameliorer-sa-gestion-budgetaire": "Améliorer sa gestion budgétaire",
    "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere": (
        "Mettre en place une mesure de protection financière"
    ),
    "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere": (
        "Prévenir une dégradation de la situation financière"
    ),
    "difficultes-financieres--situation-dendettement-surendettement": (
        "Situation d’endettement ou de surendettement"
    ),
    # Équipement et alimentation
    "equipement-et-alimentation--aide-menagere": "Aide ménagère",
    "equipement-et-alimentation--alimentation": "Alimentation",
    "equipement-et-alimentation--electromenager": "Électroménager",
    "equipement-et-alimentation--habillement": "Habillement",
    # Famille
    "famille--garde-denfants": "Garde d’enfants",
    "famille--prise-en-charge-personne-dependante": "Prise en charge d’une personne dépendante",
    "famille--soutien-a-la-parentalite-et-a-leducation": (
        "Soutien à la parentalité et à l’éducation"
    ),
    "famille--soutien-aidants": "Soutien aux aidants",
    "famille--surmonter-conflits-separation-violence": (
        "Surmonter les conflits liés à la séparation ou à la violence"
    ),
    # Lecture, écriture, calcul
    "lecture-ecriture-calcul--maitriser-le-calcul": "Maîtriser le calcul",
    "lecture-ecriture-calcul--maitriser-le-francais": "Maîtriser le français",
    # Logement et hébergement
    "logement-hebergement--acheter-un-logement": "Acheter un logement",
    "logement-hebergement--changer-de-logement": "Changer de logement",
    "logement-hebergement--louer-un-logement": "Louer un logement",
    "logement-hebergement--rechercher-une-solution-dhebergement-temporaire": (
        "Rechercher une solution d’hébergement temporaire"
    ),
    "logement-hebergement--reduire-les-impayes-de-loyer": "Réduire les impayés de loyer",
    "logement-hebergement--se-maintenir-dans-le-logement": "Se maintenir dans le logement",
    "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement": (
        "S’informer sur les démarches liées à l’accès au logement"
    ),
    # Mobilité
    "mobilite--acceder-a-un-vehicule": "Accéder à un véhicule",
    "mobilite--entretenir-reparer-son-vehicule": "Entretenir et réparer son véhicule",
    "mobilite--etre-accompagne-dans-son-parcours-mobilite": (
        "Être accompagné dans son parcours mobilité"
    ),
    "mobilite--financer-ma-mobilite": "Financer ma mobilité",
    "mobilite--preparer-un-permis": "Préparer un permis",
    "mobilite--mobilite-douce-partagee-collective": (
        "Utiliser des services de mobilité douce, partagée ou collective"
    ),
    # Numérique
    "numerique--acceder-a-des-services-en-ligne": "Accéder à des services en ligne",
    "numerique--acceder-a-une-connexion-internet": "Accéder à une connexion Internet",
    "numerique--acquerir-un-equipement": "Acquérir un équipement",
    "numerique--maitriser-les-fondamentaux-du-numerique": (
        "Maîtriser les fondamentaux du numérique"
    ),
    # Préparer sa candidature
    "preparer-sa-candidature--developper-son-reseau": "Développer son réseau",
    "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi": (
        "Organiser ses démarches de recherche d’emploi"
    ),
    "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation": (
        "Réaliser un CV et/ou une lettre de motivation"
    ),
    "preparer-sa-candidature--valoriser-ses-competences": "Valoriser ses compétences",
    # Remobilisation
    "remobilisation--activites-sportives-et-culturelles": "Activités sportives et culturelles",
    "remobilisation--benevolat-action-citoyenne": "Bénévolat et action citoyenne",
    "remobilisation--bien-etre-confiance-en-soi": "Bien-être et confiance en soi",
    "remobilisation--lien-social": "Lien social",
    # Santé
    "sante--acces-aux-soins": "Accès aux soins",
    "sante--addictions": "Addictions",
    "sante--constituer-un-dossier-mdph-invalidite": "Constituer un dossier MDPH pour invalidité",
    "sante--sante-mentale": "Santé mentale",
    "sante--sante-sexuelle": "Santé sexuelle",
    # Se former
    "se-former--monter-son-dossier-de-formation": "Monter son dossier de formation",
    "se-former--trouver-sa-formation": "Trouver sa formation",
    # S’ouvrir à l’international
    "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger": (
        "Connaître les opportunités d’emploi à l’étranger"
    ),
    "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger": (
        "S’informer sur les aides pour travailler à l’étranger"
    ),
    "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france": (
        "S’organiser suite à son retour en France"
    ),
    # Trouver un emploi
    "trouver-un-emploi--convaincre-un-recruteur-en-entretien": (
        "Convaincre un recruteur en entretien"
    ),
    "trouver-un-emploi--faire-des-candidatures-spontanees": "Faire des candidatures spontanées",
    "trouver-un-emploi--maintien-dans-lemploi": "Maintien dans l’emploi",
    "trouver-un-emploi--repondre-a-des-offres-demploi": "Répondre à des offres d’emploi",
    "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs": (
        "Suivre ses candidatures et relancer les employeurs"
    ),
}


def thematique_label(code: str) -> str:
    """The French label of a data·inclusion thematique code; an unknown code (a newer
    schema, a site's own) is shown as it is rather than hidden."""
    return THEMATIQUE_LABELS.get(code, code)
