"""Every built-in check on passing and failing cases."""

from __future__ import annotations

import datetime as dt

import pytest

from mfs_core.compliance.findings import CheckStatus, SiteResult
from mfs_core.compliance.runner import Runner
from mfs_core.compliance.site import HoursScope
from mfs_core.partners import NATIONAL_PARTNERS
from mfs_core.registry import Registry

from .sites import EQUIPMENT, HOURS, IDENTITY, NINE, make_site


def messages(result: SiteResult, check: str) -> list[str]:
    return [f.message for f in result.findings if f.check == check]


def test_compliant_base_site_passes_every_check(runner: Runner) -> None:
    result = runner.check_site(make_site())
    assert result.findings == ()
    assert result.compliant
    assert set(result.statuses.values()) == {CheckStatus.PASS}
    assert result.weekly_hours == 32.5
    assert result.opening_days == 5


# --- weekly hours and opening days -------------------------------------------------------


def test_exactly_24_hours_passes(runner: Runner) -> None:
    site = make_site(hours='[hours]\nosm = "Mo-Fr 09:00-12:00,14:00-15:48"\n')
    result = runner.check_site(site)
    assert result.weekly_hours == 24
    assert messages(result, "label.weekly-hours") == []


def test_under_24_hours_fails(runner: Runner) -> None:
    site = make_site(hours='[hours]\nosm = "Mo-Fr 09:00-12:00,14:00-15:45"\n')
    result = runner.check_site(site)
    assert messages(result, "label.weekly-hours") == [
        "ouvert 23 h 45 par semaine, au moins 24 h sont requises"
    ]
    assert not result.compliant


def test_four_days_fail(runner: Runner) -> None:
    site = make_site(hours='[hours]\nosm = "Mo-Th 08:00-12:00,13:00-17:00"\n')
    result = runner.check_site(site)
    assert messages(result, "label.weekly-hours") == []
    assert messages(result, "label.opening-days") == [
        "ouvert 4 jours par semaine (lundi, mardi, mercredi, jeudi), au moins 5 sont requis"
    ]


def test_table_hours(runner: Runner) -> None:
    table = "[hours.table]\n" + "".join(
        f'{day} = ["09:00-12:00", "13:00-17:00"]\n'
        for day in ("lundi", "mardi", "mercredi", "jeudi", "samedi")
    )
    result = runner.check_site(make_site(hours=table))
    assert result.weekly_hours == 35
    assert result.opening_days == 5
    assert result.compliant


BUS = IDENTITY.replace('insee_code = "64483"', 'insee_code = "64483"\nformat = "mobile"')
STOPS = "".join(
    f'[[locations]]\nname = "arrêt {day}"\nhours.osm = "{day} 09:00-12:00,13:00-16:00"\n'
    for day in ("Mo", "Tu", "We", "Th", "Fr")
)


def test_bus_as_a_structure_meets_the_hours_rule(runner: Runner) -> None:
    result = runner.check_site(make_site(identity=BUS, hours=STOPS))
    assert result.weekly_hours == 30
    assert result.opening_days == 5
    assert result.compliant


def test_bus_stop_by_stop_fails_the_hours_rule(registry: Registry) -> None:
    site = make_site(identity=BUS + 'hours_scope = "each-location"\n', hours=STOPS)
    result = Runner(registry, as_of=dt.date(2026, 11, 27)).check_site(site)
    hours = messages(result, "label.weekly-hours")
    assert len(hours) == 5
    assert hours[0] == "arrêt Mo : ouvert 6 h par semaine, au moins 24 h sont requises"
    assert len(messages(result, "label.opening-days")) == 5


def test_runner_option_overrides_the_site_files_hours_scope(registry: Registry) -> None:
    site = make_site(identity=BUS, hours=STOPS)
    runner = Runner(registry, as_of=dt.date(2026, 11, 27), hours_scope=HoursScope.EACH_LOCATION)
    assert len(messages(runner.check_site(site), "label.weekly-hours")) == 5


# --- staffing ----------------------------------------------------------------------------


def presence(*entries: tuple[str, str]) -> str:
    return "".join(f'[[presence]]\nagent = "{a}"\nhours.osm = "{h}"\n' for a, h in entries)


def test_default_presence_is_every_agent_over_all_hours(runner: Runner) -> None:
    assert messages(runner.check_site(make_site()), "label.staffing") == []


def test_one_agent_leaves_at_noon(runner: Runner) -> None:
    site = make_site(
        extra=presence(
            ("a", "Mo-Fr 09:00-12:00,13:30-17:00"),
            ("b", "Mo,We-Fr 09:00-12:00,13:30-17:00; Tu 09:00-12:00"),
        )
    )
    assert messages(runner.check_site(site), "label.staffing") == [
        "moins de deux agents formés présents — mardi 13:30-17:00 : 1 agent"
    ]


def test_staggered_lunch_breaks_leave_uncovered_slots(runner: Runner) -> None:
    site = make_site(
        hours='[hours]\nosm = "Mo-Fr 09:00-17:00"\n',
        extra=presence(
            ("a", "Mo-Fr 09:00-12:00,13:00-17:00"), ("b", "Mo-Fr 09:00-12:30,13:30-17:00")
        ),
    )
    [message] = messages(runner.check_site(site), "label.staffing")
    assert message.count("12:00-12:30 : 1 agent") == 5
    assert message.count("12:30-13:00 : 0 agent") == 5
    assert message.count("13:00-13:30 : 1 agent") == 5


def test_shared_lunch_break_when_closed_is_fine(runner: Runner) -> None:
    site = make_site(
        extra=presence(("a", "Mo-Fr 09:00-12:00,13:30-17:00"), ("b", "Mo-Fr 08:30-17:30"))
    )
    assert messages(runner.check_site(site), "label.staffing") == []


def test_an_agent_split_over_several_presence_entries(runner: Runner) -> None:
    site = make_site(
        extra=presence(
            ("a", "Mo-Fr 09:00-12:00,13:30-17:00"),
            ("b", "Mo-Fr 09:00-12:00"),
            ("b", "Mo-Fr 13:30-17:00"),
        )
    )
    assert messages(runner.check_site(site), "label.staffing") == []


def test_untrained_agent_does_not_count(runner: Runner) -> None:
    site = make_site(agents=agents("", TRAINED))
    [message] = messages(runner.check_site(site), "label.staffing")
    assert "lundi 09:00-12:00 : 1 agent" in message


def test_bus_stops_with_an_agent_absent_one_afternoon(runner: Runner) -> None:
    site = make_site(
        identity=BUS,
        hours=STOPS,
        extra=presence(("a", "Mo-Fr 08:30-16:30"), ("b", "Mo-Th 08:30-16:30; Fr 08:30-12:00")),
    )
    assert messages(runner.check_site(site), "label.staffing") == [
        "arrêt Fr : moins de deux agents formés présents — vendredi 13:00-16:00 : 1 agent"
    ]


def test_presence_limited_to_one_location(runner: Runner) -> None:
    two = (
        '[[locations]]\nname = "nord"\nhours.osm = "Mo-Fr 09:00-12:00,13:00-16:00"\n'
        '[[locations]]\nname = "sud"\nhours.osm = "Mo-Fr 09:00-12:00,13:00-16:00"\n'
    )
    entries = (
        '[[presence]]\nagent = "a"\nlocation = "nord"\nhours.osm = "Mo-Fr 09:00-16:00"\n'
        '[[presence]]\nagent = "b"\nlocation = "nord"\nhours.osm = "Mo-Fr 09:00-16:00"\n'
    )
    result = runner.check_site(make_site(hours=two, extra=entries))
    [message] = messages(result, "label.staffing")
    assert message.startswith("sud : moins de deux agents formés présents — lundi 09:00-12:00 : 0")


# --- training ----------------------------------------------------------------------------


def agents(*lines: str) -> str:
    return "".join(
        f'[[agents]]\nid = "{i}"\n{line}\n' for i, line in zip("abc", lines, strict=False)
    )


TRAINED = 'initial_training = { completed_on = 2022-05-20, provider = "CNFPT" }'


def test_training_after_labelling_fails(runner: Runner) -> None:
    late = 'initial_training = { completed_on = 2022-09-01, provider = "CNFPT" }'
    result = runner.check_site(make_site(agents=agents(TRAINED, late)))
    assert messages(result, "label.initial-training") == [
        "agent « b » : formation initiale suivie le 01/09/2022, après la labellisation (01/07/2022)"
    ]


def test_agent_hired_after_labelling_trained_before_starting_passes(runner: Runner) -> None:
    later = (
        'initial_training = { completed_on = 2024-02-01, provider = "CNFPT" }\n'
        "started_on = 2024-03-01"
    )
    result = runner.check_site(make_site(agents=agents(TRAINED, later)))
    assert messages(result, "label.initial-training") == []


def test_agent_started_before_training(runner: Runner) -> None:
    later = (
        'initial_training = { completed_on = 2024-04-01, provider = "CNFPT" }\n'
        "started_on = 2024-03-01"
    )
    result = runner.check_site(make_site(agents=agents(TRAINED, later)))
    assert messages(result, "label.initial-training") == [
        "agent « b » : formation initiale suivie le 01/04/2024, après sa prise de poste "
        "(01/03/2024)"
    ]


def test_missing_and_future_training(runner: Runner) -> None:
    future = 'initial_training = { completed_on = 2027-01-15, provider = "CNFPT" }'
    result = runner.check_site(make_site(agents=agents(TRAINED, "", future)))
    assert messages(result, "label.initial-training") == [
        "agent « b » : formation initiale non renseignée",
        "agent « c » : formation initiale prévue le 15/01/2027, pas encore suivie",
    ]
    # Neither b nor c counts as a trained agent at the counter.
    assert messages(result, "label.staffing")


# --- partners ----------------------------------------------------------------------------


def test_missing_national_partners(runner: Runner) -> None:
    partners = NINE.replace('code = "msa"', 'code = "droits-locaux"').replace(
        '[[partners]]\ncode = "justice"\n', ""
    )
    result = runner.check_site(make_site(partners=partners))
    assert messages(result, "label.national-partners") == [
        "2 partenaires nationaux non proposés : ministère de la Justice, MSA"
    ]
    assert messages(result, "label.partner-plugins") == [
        "partenaire « droits-locaux » proposé mais aucun plugin mfs-core ne le fournit : ses "
        "démarches et règles d'orientation sont inconnues"
    ]


def test_counts_in_findings_agree_with_their_number(runner: Runner) -> None:
    """Review 16c: « 1 partenaire(s) national(aux) non proposé(s) », « ouvert 1 jour(s) »:
    French takes the singular for 0 and 1, the plural from 2 (:func:`mfs_core.french.count`)."""
    partners = NINE.replace('[[partners]]\ncode = "justice"\n', "")
    result = runner.check_site(
        make_site(partners=partners, hours='[hours]\nosm = "Mo 09:00-12:00"\n')
    )
    assert messages(result, "label.national-partners") == [
        "1 partenaire national non proposé : ministère de la Justice"
    ]
    assert messages(result, "label.opening-days") == [
        "ouvert 1 jour par semaine (lundi), au moins 5 sont requis"
    ]


def test_partner_plugin_installed_through_a_test_plugin() -> None:
    from .conftest import AS_OF, PartnerStub, registry_with_partners

    partners = NINE + '[[partners]]\ncode = "droits-locaux"\nhow = ["permanence", "video"]\n'
    site = make_site(partners=partners)
    without = Runner(registry_with_partners(), as_of=AS_OF).check_site(site)
    assert len(messages(without, "label.partner-plugins")) == 1
    registry = registry_with_partners(("droits-locaux", PartnerStub("droits-locaux")))
    with_plugin = Runner(registry, as_of=AS_OF).check_site(site)
    assert messages(with_plugin, "label.partner-plugins") == []
    assert with_plugin.compliant


def test_only_dgfip_without_other_plugins() -> None:
    """With the built-ins alone, the national partners that have no plugin are warned about."""
    from mfs_core.registry import Registry

    from .conftest import AS_OF

    registry = Registry.load(external=False, strict=False)
    result = Runner(registry, as_of=AS_OF).check_site(make_site())
    missing = {
        m.split("«")[1].split("»")[0].strip() for m in messages(result, "label.partner-plugins")
    }
    assert missing == set(NATIONAL_PARTNERS) - set(registry.partners)
    assert result.compliant  # a warning, not an error


# --- equipment and confidential space ----------------------------------------------------


def test_equipment_is_a_warning(runner: Runner) -> None:
    result = runner.check_site(make_site(equipment="[equipment]\nconfidential_space = true\n"))
    assert messages(result, "label.equipment") == [
        "équipement absent ou non déclaré : poste informatique en libre accès, accès à internet "
        "gratuit, imprimante, scanner, matériel de visioconférence"
    ]
    assert [f.level.value for f in result.findings] == ["warning"]
    assert result.compliant


def test_no_confidential_space_is_an_error(runner: Runner) -> None:
    result = runner.check_site(
        make_site(equipment=EQUIPMENT.replace("confidential_space = true", ""))
    )
    assert messages(result, "label.confidential-space") == [
        "aucun espace de confidentialité déclaré pour recevoir les usagers"
    ]
    assert not result.compliant


@pytest.mark.parametrize("scope", list(HoursScope))
def test_single_location_site_is_the_same_under_both_scopes(
    registry: Registry, scope: HoursScope
) -> None:
    runner = Runner(registry, as_of=dt.date(2026, 11, 27), hours_scope=scope)
    assert runner.check_site(make_site(hours=HOURS)).compliant
