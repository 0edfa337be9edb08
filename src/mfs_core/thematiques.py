"""The data·inclusion v1 thematiques: the codes a procedure may carry, and their French labels.

:data:`THEMATIQUES` is the closed list of codes ``Procedure.thematiques`` may hold (a partner
reads it through :mod:`mfs_core.plugin`; ``mfs plugins --check`` reports any other code).
Codes such as ``famille--garde-denfants`` stay in structured data (JSON, CSV, the journal);
French text shows their label ("Garde d’enfants"). Kept apart from the partner modules so
that routing, validation and the monthly report can use it without loading the plugins.
"""

from __future__ import annotations

__all__ = [
    "DATA_INCLUSION_SOURCE",
    "THEMATIQUES",
    "THEMATIQUE_LABELS",
    "thematique_label",
    "thematique_problem",
]

#: Where the thematique codes and labels were read.
DATA_INCLUSION_SOURCE = (
    "gip-inclusion/data-inclusion-schema src/data_inclusion/schema/v1/thematiques.py@4647d04 "
    "(data·inclusion schema v1, Licence Ouverte 2.0)"
)

#: Every thematique code of the data·inclusion v1 schema (:data:`DATA_INCLUSION_SOURCE`), the
#: codes a procedure's ``thematiques`` may hold: ``mfs plugins --check`` reports any other.
#: Transcribed apart from :data:`THEMATIQUE_LABELS` (a test checks both hold the same codes).
THEMATIQUES: frozenset[str] = frozenset(
    {
        "choisir-un-metier--confirmer-son-choix-de-metier",
        "choisir-un-metier--connaitre-les-opportunites-demploi",
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        "creer-une-entreprise--developper-son-entreprise",
        "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
        "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        "difficultes-financieres--situation-dendettement-surendettement",
        "equipement-et-alimentation--aide-menagere",
        "equipement-et-alimentation--alimentation",
        "equipement-et-alimentation--electromenager",
        "equipement-et-alimentation--habillement",
        "famille--garde-denfants",
        "famille--prise-en-charge-personne-dependante",
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "famille--soutien-aidants",
        "famille--surmonter-conflits-separation-violence",
        "lecture-ecriture-calcul--maitriser-le-calcul",
        "lecture-ecriture-calcul--maitriser-le-francais",
        "logement-hebergement--acheter-un-logement",
        "logement-hebergement--changer-de-logement",
        "logement-hebergement--louer-un-logement",
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        "logement-hebergement--reduire-les-impayes-de-loyer",
        "logement-hebergement--se-maintenir-dans-le-logement",
        "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        "mobilite--acceder-a-un-vehicule",
        "mobilite--entretenir-reparer-son-vehicule",
        "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        "mobilite--financer-ma-mobilite",
        "mobilite--preparer-un-permis",
        "mobilite--mobilite-douce-partagee-collective",
        "numerique--acceder-a-des-services-en-ligne",
        "numerique--acceder-a-une-connexion-internet",
        "numerique--acquerir-un-equipement",
        "numerique--maitriser-les-fondamentaux-du-numerique",
        "preparer-sa-candidature--developper-son-reseau",
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "preparer-sa-candidature--valoriser-ses-competences",
        "remobilisation--activites-sportives-et-culturelles",
        "remobilisation--benevolat-action-citoyenne",
        "remobilisation--bien-etre-confiance-en-soi",
        "remobilisation--lien-social",
        "sante--acces-aux-soins",
        "sante--addictions",
        "sante--constituer-un-dossier-mdph-invalidite",
        "sante--sante-mentale",
        "sante--sante-sexuelle",
        "se-former--monter-son-dossier-de-formation",
        "se-former--trouver-sa-formation",
        "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
        "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        "trouver-un-emploi--maintien-dans-lemploi",
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
    }
)

#: data·inclusion v1 thematique code -> its official French label, copied from the schema's
#: ``Thematique`` enum (each member is ``(code, label, description)``): gip-inclusion/
#: data-inclusion-schema ``src/data_inclusion/schema/v1/thematiques.py`` at 4647d04 (the
#: version :data:`THEMATIQUES` was read from;
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


def thematique_problem(code: str) -> str | None:
    """Why ``code`` cannot be a request's thematique (it is not one of :data:`THEMATIQUES`),
    or None. A request's code only favours the procedures that carry it: a misspelt one
    would favour none, silently, so ``mfs recognise`` and ``POST /recognise`` refuse it
    instead. Routing requests do not: a site's local services may carry codes of an older
    data·inclusion list, matched as they are."""
    if code in THEMATIQUES:
        return None
    return "expected a data·inclusion v1 thematique code (such as 'famille--garde-denfants')"
