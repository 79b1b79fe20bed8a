"""Article-level incidents (issue 14): one record per incident, no record for what is no
incident, ACLED's sides, place, day and dead. Sentences written for these tests."""
from __future__ import annotations

import json

import pytest

import dateline
from dateline.events import incidents

PUBLISHED = "2024-03-12"  # a Tuesday


def _events(text: str, published: str = PUBLISHED):
    return dateline.extract(text, published=published).events


def _real(text: str, published: str = PUBLISHED):
    return [e for e in _events(text, published) if e.modality in {"asserted", "claimed"}]


def test_one_incident_told_three_ways_is_one_record() -> None:
    events = _real("A military airstrike hit a crowded market in Sagaing on Sunday, killing at least 11 "
                   "civilians. The airstrike destroyed dozens of stalls, residents said. A schoolteacher was "
                   "among those killed by the airstrike, his brother said.")
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(strikes) == 1, [(e.sub_event_type, e.notes) for e in events]
    strike = strikes[0]
    assert strike.sub_event_type == "Air/drone strike"
    assert len(strike.evidence["notes"]) == 3  # every mention is evidence
    assert strike.fatalities == 11 and strike.event_date == "2024-03-10"


def test_the_attack_after_a_bombing_is_the_bombing() -> None:
    events = _real("A car bomb exploded outside a police station in Kirkuk on Monday, killing six people. "
                   "No group has yet said it carried out the attack.")
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_another_explosion_is_another_incident() -> None:
    events = _real("A roadside bomb hit an army truck near Kandahar on Monday. Hours later another bomb "
                   "exploded at a checkpoint near Kandahar, police said.")
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 2


def test_a_tally_is_no_event() -> None:
    assert _real("More than 1,200 civilians have been killed since the army seized power, a monitoring "
                 "group says.") == []
    assert _real("About 40,000 people died in the civil war that ended in 2009.") == []


@pytest.mark.parametrize("text", [
    "Imagine a city where every bombing goes unpunished.",
    "Protester dressed as a skeleton outside parliament.",
    "The man appeared in court on Monday charged with murder over the shooting at the mosque.",
])
def test_rhetoric_captions_and_court_reports_are_no_events(text: str) -> None:
    assert _real(text) == []


def test_ordinary_crime_in_a_whole_article_is_not_coded() -> None:
    text = ("A man shot a shopkeeper during a robbery in Leeds on Friday night, police said. "
            "The suspect fled in a stolen car and was arrested two hours later. "
            "The shopkeeper, 54, died in hospital on Saturday. "
            "Detectives said the two men did not know each other. "
            "Neighbours described the victim as a quiet man who had run the shop for 20 years. "
            "The suspect will appear before magistrates on Monday.")
    assert _real(text) == []


def test_a_date_a_few_words_from_the_trigger_is_its_date() -> None:
    [strike] = _real("A military airstrike on a village in Sagaing region killed at least 11 civilians on "
                     "Sunday, residents said.")
    assert strike.event_date == "2024-03-10" and strike.evidence["event_date"][0].text == "Sunday"


def test_the_next_day_follows_the_event_before() -> None:
    first, second = _real("Rebels attacked an army base near Goma on Monday. The next day, troops shelled rebel "
                          "positions near Rutshuru.")
    assert first.event_date == "2024-03-11"
    assert second.event_date == "2024-03-12" and second.evidence["event_date"][0].text == "The next day"


def test_fatalities_are_zero_when_none_are_reported() -> None:
    [raid] = _real("Gunmen stormed a hotel in Mogadishu on Friday. No casualties were reported.")
    assert raid.fatalities == 0 and raid.evidence["fatalities"]


def test_the_host_government_is_not_the_perpetrator() -> None:
    [bomb] = _real("A suicide bomber blew himself up at a checkpoint in Kandahar on Monday, killing four "
                   "police officers, the Afghan government said.")
    assert bomb.sub_event_type == "Suicide bomb"
    assert not bomb.actor1.startswith("Government of")
    assert bomb.actor1 == "Unidentified Armed Group (Afghanistan)"


def test_shelled_civilians_are_civilian_targeting() -> None:
    [shelling] = _real("Russian forces shelled residential areas of Kharkiv on Tuesday, killing four civilians.")
    assert shelling.actor1 == "Military Forces of Russia"
    assert shelling.civilian_targeting == "Civilian targeting"
    assert shelling.fatalities == 4


def test_protesters_are_named_by_country_and_arrests_at_a_march_are_intervention() -> None:
    events = _real("Thousands of people marched through Tbilisi on Saturday against the new media law. "
                   "Police detained 20 protesters near parliament, the interior ministry said.")
    [march] = [e for e in events if e.event_type == "Protests"]
    assert march.actor1 == "Protesters (Georgia)"
    assert march.sub_event_type == "Protest with intervention"
    assert not [e for e in events if e.sub_event_type == "Arrests"]


def test_a_user_rule_file_can_disable_an_incident_cue(tmp_path, monkeypatch) -> None:
    """The tally cue is data: disabling it by id brings the tally back as an event."""
    text = "More than 1,200 civilians have been killed since the army seized power, a monitoring group says."
    assert _real(text) == []
    user = tmp_path / "mine.jsonl"
    user.write_text(json.dumps({"id": "incidents.tally.since", "disable": True}) + "\n", encoding="utf-8")
    monkeypatch.setenv("DATELINE_RULES", str(user))
    assert "incidents.tally.since" not in {r.id for r in incidents.load_cues().get("tally", ())}


def test_a_death_toll_in_words_is_the_fatalities() -> None:
    [bomb] = _real("A bomb exploded at a bus station in Quetta on Monday. The death toll rose to twelve "
                   "on Tuesday, officials said.")
    assert bomb.fatalities == 12 and bomb.evidence["fatalities"][0].text == "twelve"


def test_a_weapons_name_is_no_deed() -> None:
    assert _real("Police said the man carried an assault rifle and two pistols.") == []


def test_police_who_step_in_on_a_march_are_its_second_side() -> None:
    [march] = _real("Police fired tear gas at thousands of protesters marching on parliament in Belgrade "
                    "on Friday.")
    assert march.event_type == "Protests" and march.actor1 == "Protesters (Serbia)"
    assert march.actor2 == "Police Forces of Serbia"


def test_history_in_one_paragraph_does_not_colour_the_next() -> None:
    text = ("Opposition rallies were banned in March 2019 after a court ruling.\n\n"
            "Protesters clashed with police outside parliament and threw stones.")
    events = _events(text)
    clash = [e for e in events if "clashed" in e.notes]
    assert clash and clash[0].modality == "asserted"


def test_a_vaguely_placed_incident_takes_the_town_the_article_keeps_naming() -> None:
    text = ("Belgrade saw a fourth night of unrest on Friday. Thousands of Serbians protested against "
            "the new curfew. Shops in central Belgrade stayed shut.")
    [protest] = [e for e in _real(text) if e.event_type in {"Protests", "Riots"}]
    assert protest.location == "Belgrade" and protest.evidence["location"][0].text == "Belgrade"


def test_an_exhortation_is_no_event() -> None:
    assert _real("We must fight this evil together, the minister told the crowd in Colombo.") == []


def test_the_passive_agent_is_actor1_and_the_object_actor2() -> None:
    """'X clashed with police' and 'attacked by X': sides from the parse, not from word order."""
    events = _real("In Belgrade on Monday, the protesters clashed with the police outside parliament "
                   "and threw stones and bottles.", published="2024-03-12")
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and riots[0].actor1.startswith("Rioters") and riots[0].actor2.startswith("Police Forces")


def test_actor_roles_follow_the_dependency_parse() -> None:
    import spacy  # noqa: F401  (the parse the pipeline uses)

    from dateline import nlp
    from dateline.events import actors as actors_mod
    from dateline.events import roles, taxonomy

    lex = actors_mod.load()
    for text, doer, target in (
        ("Police arrested ten protesters in the capital.", "Police", "Protesters"),
        ("Ten protesters were arrested by police in the capital.", "Police", "Protesters"),
    ):
        doc = nlp.load()(text)
        trig = taxonomy.Trigger("Arrests", text.index("arrested"), text.index("arrested") + 8, 6.0, "arrested")
        found = actors_mod.find(text, 0, len(text), default_iso="GBR", lexicon=lex)
        a1, a2 = roles.syntactic(doc, found, trig, None, None)
        assert a1 is not None and a1.name.startswith(doer), (text, a1, a2)
        assert a2 is None or a2.name.startswith(target), (text, a1, a2)


def test_a_day_of_clashes_is_not_merged_into_protests_running_since_another_day() -> None:
    events = _real("Demonstrations against the new tax have been held in Lyon since Tuesday. "
                   "On Friday night, rioters threw stones at police and set cars on fire in the city centre.",
                   published="2024-03-16")
    crowd = [e for e in events if e.event_type in {"Protests", "Riots"}]
    assert {e.event_type for e in crowd} == {"Protests", "Riots"}, [(e.sub_event_type, e.notes) for e in events]
    riot = next(e for e in crowd if e.event_type == "Riots")
    assert riot.event_date == "2024-03-15"


def test_an_attacker_giving_himself_up_is_no_agreement_and_no_second_record() -> None:
    events = _real("A gunman opened fire on shoppers at a market in Leeds on Saturday, killing three people "
                   "in what police called a racist attack. The suspected gunman surrendered himself to police "
                   "an hour later.", published="2024-03-10")
    assert not [e for e in events if e.sub_event_type in {"Agreement", "Arrests"}], \
        [(e.sub_event_type, e.notes) for e in events]
    assert len(events) == 1  # the shooting alone


def test_rebels_surrendering_to_an_army_stay_an_agreement() -> None:
    events = _real("Forty rebels surrendered to the army in Kidal on Monday after weeks of talks.")
    assert [e.sub_event_type for e in events] == ["Agreement"], [(e.sub_event_type, e.notes) for e in events]


def test_a_crowd_hit_by_an_airstrike_is_its_target_not_its_doer_nor_a_protest() -> None:
    events = _real("A military jet bombed a crowd of protesters in Sagaing on Sunday, killing at least 11 people.")
    assert len(events) == 1, [(e.sub_event_type, e.notes) for e in events]
    assert not events[0].actor1.startswith("Protesters") and events[0].actor2.startswith("Protesters")
    assert events[0].fatalities == 11


def test_protesters_killed_by_a_later_strike_add_no_dead_to_the_march() -> None:
    events = _real("Thousands of protesters marched in Khartoum on Sunday. An airstrike later hit a market "
                   "in the city, killing 11 protesters.")
    march = [e for e in events if e.event_type == "Protests"]
    strike = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(march) == 1 and len(strike) == 1, [(e.sub_event_type, e.notes) for e in events]
    assert march[0].fatalities == 0 and strike[0].fatalities == 11


def test_reporters_or_an_ambassador_withdrawn_are_no_territory_changing_hands() -> None:
    events = _real("Clashes between rioters and police went on in Kowloon on Sunday, and the broadcaster "
                   "withdrew its reporters from the area after one was hurt.")
    assert "Non-violent transfer of territory" not in [e.sub_event_type for e in events]
    events = _real("Government troops withdrew from the border post near Kidal on Sunday.")
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


def test_an_incident_described_again_is_no_second_record() -> None:
    events = _real('A suicide bomber blew himself up at a shrine in Matara on Tuesday, killing 14 people. '
                   '"This is a barbaric attack on innocent civilians," the minister said.')
    assert len(events) == 1, [(e.sub_event_type, e.notes) for e in events]
    assert len(events[0].evidence["notes"]) == 2  # the description is evidence of the bombing


def test_who_reports_an_attack_is_no_side_of_it() -> None:
    events = _real("Seventeen rockets struck near an air base in Nineveh on Friday, according to the Iraqi military.")
    assert len(events) == 1
    assert "Iraq" not in events[0].actor1 or events[0].actor1.startswith("Unidentified"), events[0].actor1
    assert not events[0].actor1.startswith("Military Forces")


@pytest.mark.parametrize("text", [
    "A gunman opened fire on diners at a cafe in Lyon on Friday, killing four, before police shot him dead.",
    "Gunmen fired on worshippers leaving a church in Jos on Sunday, killing six.",
])
def test_an_armed_man_firing_on_unarmed_people_is_an_attack_not_a_clash(text: str) -> None:
    events = _real(text)
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.notes) for e in events]
    assert events[0].actor2.startswith("Civilians")


def test_gunmen_shooting_soldiers_stay_a_clash() -> None:
    events = _real("Gunmen fired on soldiers at a checkpoint in Maiduguri on Sunday, killing two.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "A military jet bombed a farming village near Hama on Monday, killing seven.",
    "A warplane bombed a fuel depot in Marib on Monday, killing two guards.",
    "Witnesses said a jet dropped two bombs on the market in Kanbalu on Tuesday, killing four people.",
    "Rebels attacked an army post near Arauca on Tuesday with explosives dropped from drones, wounding seven soldiers.",
])
def test_what_an_aircraft_or_drone_bombs_or_drops_is_an_air_strike_not_a_planted_bomb(text: str) -> None:
    events = _real(text)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], [(e.sub_event_type, e.notes) for e in events]


def test_a_planted_bomb_is_still_a_remote_explosive() -> None:
    events = _real("A bomb planted under a bus exploded in Quetta on Monday, killing three.")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_a_toll_after_a_later_strike_in_the_same_sentence_is_the_strike_s() -> None:
    events = _real("Hundreds of protesters rallied outside the town hall in Omdurman on Saturday; hours later "
                   "a drone strike hit the crowd, killing nine.")
    march = [e for e in events if e.event_type == "Protests"]
    strike = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(march) == 1 and len(strike) == 1, [(e.sub_event_type, e.notes) for e in events]
    assert march[0].fatalities == 0 and strike[0].fatalities == 9


def _article(*paragraphs: str) -> str:
    """Long enough (six sentences or more) to be read as a whole article, not a snippet."""
    return "\n\n".join(paragraphs) + "\n"


def test_violence_told_in_general_is_no_record() -> None:
    """An incident with neither a day nor a town of its own is commentary, not a report."""
    text = _article(
        "Rebels ambushed an army convoy near Goma on Saturday, killing seven soldiers, the army said.",
        "The army did not say how many rebels were killed.",
        "Across the country, rebels have been losing battles for months, analysts say.",
        "In eastern Congo, attacks on convoys have become a hallmark of the war.",
        "Aid groups have suspended their work in the area.",
        "The United Nations called for calm.")
    real = _real(text, "2024-03-11")
    assert [(e.sub_event_type, e.location) for e in real] == [("Armed clash", "Goma")], [e.notes[:60] for e in real]


def test_a_snippet_keeps_its_undated_unplaced_event() -> None:
    """A one-sentence item (the sentence-level gold sets) may have its day and town in lines not shown."""
    assert [e.sub_event_type for e in _real("Soldiers clashed with rebels, leaving four dead.")] == ["Armed clash"]


def test_the_first_bomb_told_later_is_the_bombing() -> None:
    """A definite mention with no day or town of its own tells the incident before again."""
    text = _article(
        "Twin bombs struck a church in Marawi on Sunday, killing nine worshippers, police said.",
        "Police have not named any suspect.",
        "Hundreds of people had gathered for a service when the explosions happened.",
        "The mayor declared three days of mourning.",
        "Schools in the city will stay closed on Monday, officials said.",
        "The first blast went off near the altar, a witness told reporters.")
    bombs = [e for e in _real(text, "2024-03-11") if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1, [(e.event_date, e.notes[:50]) for e in bombs]
    assert "The first blast went off near the altar" in bombs[0].notes


def test_the_same_offensive_on_the_same_day_told_twice_is_one() -> None:
    """ACLED's unit is one sub-event type, one day, one doer: 'an offensive' said twice of
    one day by one army is one record, though each telling says 'an'."""
    text = _article(
        "Ethiopia's army launched an offensive in the Amhara region on Wednesday, state media said.",
        "Residents said they heard heavy fighting.",
        "Federal officials gave no toll.",
        "On Wednesday, Ethiopia's army began an offensive with artillery fire, a local official said.",
        "Phone lines in the region were cut.",
        "Aid agencies said thousands had fled.")
    clashes = [e for e in _real(text, "2024-03-15") if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1, [(e.actor1, e.event_date, e.notes[:50]) for e in clashes]


def test_a_states_government_and_army_are_one_side_of_a_deal() -> None:
    from dateline.records import Event

    a = Event(event_type="Strategic developments", sub_event_type="Agreement",
              actor1="Military Forces of Chad", actor2="Rebel Front")
    b = Event(event_type="Strategic developments", sub_event_type="Agreement",
              actor1="Rebel Front", actor2="Government of Chad")
    assert incidents._sides(a) == incidents._sides(b)


def test_a_march_dated_by_its_month_later_is_the_march_told_before() -> None:
    text = _article(
        "Thousands of people marched in Madrid on Saturday against the new housing law, organisers said.",
        "The march passed the parliament building.",
        "Police estimated the crowd at 40,000.",
        "Organisers plan another rally next month.",
        "The housing minister said the law would stand.",
        "Banners at the march in March 2024 demanded lower rents.")
    protests = [e for e in _real(text, "2024-03-11") if e.event_type == "Protests"]
    assert len(protests) == 1 and protests[0].event_date == "2024-03-09", [(e.event_date, e.notes[:40]) for e in protests]


def test_a_weapon_named_after_a_place_is_no_place() -> None:
    """'Molotov cocktails' (Molotov was Perm's Soviet name): the riot stays in Athens."""
    article = dateline.extract("Protesters threw stones and Molotov cocktails at police in Athens on Saturday.",
                               published="2024-03-11")
    assert "Molotov" not in [e.text for e in article.entities if e.label in ("GPE", "LOC")]
    assert {e.location for e in article.events} == {"Athens"}


def test_what_is_dated_after_the_report_is_planned() -> None:
    events = _events("Unions hold a strike rally in Lagos next month.", "2024-03-11")
    assert [(e.modality, e.event_date) for e in events] == [("planned", "2024-04")]
    assert events[0].evidence["modality"][0].text == "next month"


def test_one_strike_on_two_towns_is_an_event_in_each() -> None:
    """ACLED's unit is one place: a mention naming two towns together gives one record per town."""
    events = _real("Drones struck army posts in Kidal and Gao on Monday, the army said.", "2024-03-12")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert sorted(e.location for e in strikes) == ["Gao", "Kidal"], [(e.location, e.notes) for e in events]
    assert len({e.event_id_cnty for e in strikes}) == 2
    assert all(e.evidence["location"][0].text == e.location for e in strikes)


def test_a_place_between_two_towns_is_one_event() -> None:
    events = _real("A bomb exploded on the road between Kidal and Gao on Monday, killing three soldiers.", "2024-03-12")
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 1


def test_a_groups_own_name_beats_the_state_reading_around_it() -> None:
    """'the Arab-Kurdish Syrian Democratic Forces' is the SDF (named as commonly written), not
    Syria's military; the government they made a deal with is the other party."""
    events = _real("On Sunday, the Arab-Kurdish Syrian Democratic Forces announced an agreement with the "
                   "government of Syria.", "2019-10-14")
    deal = [e for e in events if e.sub_event_type == "Agreement"]
    assert deal and {deal[0].actor1, deal[0].actor2} == {"SDF", "Government of Syria"}


def test_the_wire_dateline_is_where_the_story_was_filed_not_a_side() -> None:
    events = _real("NAIROBI, May 2 (Wire) - Gunmen attacked a police post near Garissa on Tuesday, killing "
                   "four officers, police said.", "2024-05-02")
    assert events and "Government of Kenya" not in {events[0].actor1, events[0].actor2}, \
        [(e.actor1, e.actor2) for e in events]


def test_the_dateline_places_an_event_only_when_its_sentence_names_no_other_place() -> None:
    """'BEIRUT (Wire) - ... a border village in south Lebanon': somewhere in Lebanon, not in
    Beirut, where the story was filed."""
    events = _real("BEIRUT (Wire) - A drone strike hit a car in a border village in south Lebanon on "
                   "Sunday, killing two men, the state news agency said.", "2024-02-05")
    assert [(e.location, e.geo_precision) for e in events] == [("Lebanon", 3)]


def test_an_undated_report_still_tells_its_day() -> None:
    """No publication date: 'on Tuesday' has no calendar day but makes the ambush a reported
    occurrence; the sweeping statement around it stays out."""
    text = _article(
        "Rebels ambushed an army convoy in the north of the country on Tuesday, the army said.",
        "The army did not say how many soldiers were hurt.",
        "Across the country, rebels have been losing battles for months, analysts say.",
        "Aid groups have suspended their work in the area.",
        "The United Nations called for calm.",
        "Talks are due to resume next month.")
    real = dateline.extract(text).events
    real = [e for e in real if e.modality in {"asserted", "claimed"}]
    assert len(real) == 1 and "Tuesday" in real[0].notes, [e.notes[:50] for e in real]


def test_a_battle_has_two_sides_even_when_one_is_unnamed() -> None:
    events = _real("Fighting broke out in Kismayo on Monday night, residents said; three people were killed.", "2024-03-12")
    clash = [e for e in events if e.event_type == "Battles"]
    assert clash and clash[0].actor1 == "Unidentified Armed Group (Somalia)", [(e.sub_event_type, e.actor1) for e in events]


def test_a_newspaper_named_for_the_military_is_no_side() -> None:
    from dateline.events import actors

    text = "An aide told the Military Herald that Police Chief Tom Lee was at the scene."
    assert [text[a.start:a.end] for a in actors.find(text)] == ["Police"]


def test_protesters_named_in_a_list_are_no_demonstration() -> None:
    text = _article(
        "The magazine named the climate activist its person of the year on Wednesday.",
        "Editors also considered the prime minister, Protesters in Santiago over fuel prices, and a whistleblower.",
        "The activist is the youngest person to receive the title.",
        "She thanked her supporters.",
        "The award has been given since 1927.",
        "Last year it went to a group of journalists.")
    assert not [e for e in _real(text, "2024-03-11") if e.event_type == "Protests"]


def test_a_vigil_planned_for_a_day_has_not_happened() -> None:
    events = _events("A candlelight vigil was planned for Friday evening outside the city hall in Leeds.", "2024-03-12")
    assert events and all(e.modality == "planned" for e in events), [(e.sub_event_type, e.modality) for e in events]


def test_a_scene_without_day_or_town_joins_the_days_demonstration() -> None:
    """'Some protesters threw petrol bombs' told later, with no day or town, is the march of
    Saturday in Santiago turned violent, not a demonstration of its own nor nothing."""
    text = _article(
        "Thousands of students marched in Santiago on Saturday against fare rises, organisers said.",
        "The march was peaceful for most of the afternoon.",
        "Shops along the route closed early.",
        "Across the country, anger over the cost of living has been growing for months.",
        "Later, some protesters threw petrol bombs at police and set barricades on fire.",
        "The government said it would review the fares.")
    crowd = [e for e in _real(text, "2024-03-11") if e.event_type in {"Protests", "Riots"}]
    assert len(crowd) == 1 and crowd[0].sub_event_type == "Violent demonstration", \
        [(e.sub_event_type, e.location, e.event_date) for e in crowd]
    assert crowd[0].location == "Santiago" and crowd[0].event_date == "2024-03-09"


def test_the_dead_of_a_bombing_with_no_named_target_are_civilians() -> None:
    events = _real("A bomb exploded at a bus station in Quetta on Monday, killing nine people, police said.", "2024-03-12")
    bomb = [e for e in events if e.event_type == "Explosions/Remote violence"][0]
    assert bomb.actor2 == "Civilians (Pakistan)" and bomb.civilian_targeting == "Civilian targeting"
    assert bomb.evidence["actor2"][0].text in bomb.notes


def test_the_target_named_by_a_bombing_stays_its_target() -> None:
    events = _real("A roadside bomb killed four soldiers of the Pakistani army in Quetta on Monday.", "2024-03-12")
    bomb = [e for e in events if e.event_type == "Explosions/Remote violence"][0]
    assert bomb.actor2 == "Military Forces of Pakistan", (bomb.actor1, bomb.actor2)


@pytest.mark.parametrize("sentence, dead", [
    ("Gunmen shot dead a policeman in Belfast on Monday.", 1),
    ("A soldier was killed by a roadside bomb in Helmand on Monday.", 1),
    ("The killing of Mr Obi on Monday in Onitsha shocked the town.", 1),
    ("Nobody was killed in the attack on a checkpoint in Kabul on Monday.", 0),
    ("Two soldiers were killed in Helmand on Monday.", 2),
])
def test_one_victim_is_one_death(sentence: str, dead: int) -> None:
    events = _real(sentence)
    assert events and events[0].fatalities == dead, [(e.sub_event_type, e.fatalities) for e in events]
    if dead == 1:
        assert events[0].evidence["fatalities"][0].text in sentence


def test_a_victim_named_in_two_mentions_is_one_incident() -> None:
    text = _article(
        "Journalist Samir Haddad died in the port city of Hodeidah on Tuesday after being shot in his car.",
        "He had worked for several foreign news agencies.",
        "Colleagues described him as fearless.",
        "His funeral was held on Wednesday.",
        "Three unknown gunmen attacked Haddad shortly after he left his home, security officials said.",
        "No group has said it carried out the attack.")
    attacks = [e for e in _real(text, "2024-03-14") if e.sub_event_type == "Attack"]
    assert len(attacks) == 1, [(e.location, e.event_date, e.notes[:40]) for e in attacks]


def test_killing_a_thing_is_a_figure_of_speech() -> None:
    assert not _real("The company said on Monday in Boston that it had killed the older version of the product.")


def test_arrests_dated_to_the_day_of_a_riot_were_made_at_it() -> None:
    text = _article(
        "Clashes broke out in Lyon on Saturday when thousands of people marched against the pension reform.",
        "Police fired tear gas at youths who threw stones.",
        "Several shops were looted, the prefecture said.",
        "The interior minister condemned the violence.",
        "As a result of Saturday's unrest, forty people were arrested, according to the prefecture.",
        "Unions have called another march for next week.")
    real = _real(text, "2024-03-11")
    assert [e.event_type for e in real] == ["Riots"], [(e.sub_event_type, e.location, e.event_date) for e in real]


def test_a_person_surname_alone_is_no_town_and_an_mp_is_no_country() -> None:
    article = dateline.extract("Kyle Rittenhouse was released on bond in Kenosha on Friday. Rittenhouse denies the "
                               "charges. \"[W]e will not be silenced,\" an MP said in London.", published="2020-11-22")
    assert [p.span.text for p in article.places] == ["Kenosha", "London"]


def test_the_owner_of_an_operation_did_the_killing() -> None:
    events = _real("Hamid Karimi, a senior commander of the group, was killed in a US counter-terrorism "
                   "operation in Kunar on Saturday, officials said.", "2024-03-11")
    assert events and events[0].actor1 == "Military Forces of United States", [(e.actor1, e.actor2) for e in events]


def test_charges_and_warrants_are_no_violence() -> None:
    assert not _real('The prosecutor in Tehran said on Monday the 36 must face "murder and terrorism charges".', "2024-03-12")
    assert not _real("A court in Kabul issued arrest warrants on Monday for two commanders over the killings.", "2024-03-12")


def test_a_first_name_alone_is_no_town() -> None:
    article = dateline.extract("Hamza bin Laden was killed, officials said. Hamza had been groomed to lead the group.",
                               published="2019-09-14")
    assert "Hamza" not in [p.span.text for p in article.places]


@pytest.mark.parametrize("sentence", [
    "Harris attacked Biden during the Democratic debates in Detroit on Tuesday.",
    "I used to get panic attacks every night in Sydney.",
    "Once you see yourself getting into a Twitter fight in London on Monday, you shut it.",
    "He battled cancer for years before he died in Boston on Sunday.",
])
def test_fighting_words_without_violence_are_figures_of_speech(sentence: str) -> None:
    assert not [e for e in _real(sentence, "2024-03-12") if e.event_type != "Protests"]


@pytest.mark.parametrize("sentence", [
    "Gunmen attacked a bus in Kaduna on Tuesday.",
    "Heavy fighting between Azerbaijanis and Armenians was reported in Tartar on Tuesday.",
    "Militants attacked an army base in Boni on Tuesday.",
])
def test_fighting_words_with_violence_are_events(sentence: str) -> None:
    assert _real(sentence, "2024-03-12")


def test_killing_dozens_of_people_is_no_figure_of_speech() -> None:
    events = _real("Extremists hit the terminal of the airport in Istanbul on Tuesday, killing dozens of people.", "2024-03-12")
    assert events and events[0].fatalities


@pytest.mark.parametrize("sentence", [
    "Vice President Pence gave a speech before a crowd of about 100 people in Baltimore on Monday.",
    "Two days later, he returned to the campaign trail with a rally in Sanford on Monday.",
])
def test_an_audience_or_a_campaign_rally_is_no_demonstration(sentence: str) -> None:
    text = _article("The race for the White House entered its final week.", sentence,
                    "Polls show the two candidates level in several states.", "Both campaigns are raising money.",
                    "Early voting has begun in many states.", "The election is on November 3.")
    assert not [e for e in _real(text, "2024-03-12") if e.event_type == "Protests"]


def test_a_war_total_as_of_a_date_is_no_incident() -> None:
    assert not _real("As of September 30, Armenia claimed 790 Azerbaijani soldiers had been killed in Tartar.", "2020-10-01")


def test_what_someone_needs_to_do_has_not_happened() -> None:
    events = _events('"We need to withdraw our troops from Kabul," the senator said on Monday.', "2024-03-12")
    assert all(e.modality not in {"asserted", "claimed"} for e in events)


def test_a_mayor_stabbed_on_stage_is_political_violence() -> None:
    """No armed group or motive named: violence against an office-holder is still political."""
    text = _article(
        "Jan Kowalski, mayor of the city of Torun, was stabbed last night on stage at a charity concert.",
        "He died in hospital today.",
        "A man jumped on the stage and attacked him with a knife, witnesses said.",
        "Police detained the suspect at the scene.",
        "The concert raises money for children's hospitals every year.",
        "Thousands of people attended.")
    events = _real(text, "2024-01-14")
    assert [e.event_type for e in events] == ["Violence against civilians"]
    assert events[0].fatalities == 1 and events[0].evidence["fatalities"][0].text == "He died"


def test_a_mayor_speaking_of_a_stabbing_does_not_make_it_political() -> None:
    text = _article(
        "A man was stabbed outside a bar in Torun last night, the mayor said.",
        "The victim was taken to hospital.",
        "Police are looking for two men seen running from the scene.",
        "The bar will stay closed this week.",
        "Residents said fights are common in the street at weekends.",
        "Anyone with information should call the police.")
    assert not _real(text, "2024-01-14")


# --- wire reports written for these tests (tests/data/wire_*.txt), read as an analyst would ---

def _wire(name: str, published: str):
    from pathlib import Path

    title, body = (Path(__file__).parent / "data" / f"wire_{name}.txt").read_text("utf-8").split("\n", 1)
    return [e for e in dateline.extract(body, published=published, title=title).events
            if e.modality in {"asserted", "claimed"}]


def test_wire_burkina_dates_by_the_day_said_not_the_filing_date() -> None:
    events = _wire("burkina", "2024-03-04")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.location == "Djibo" and clash.event_date == "2024-03-03"  # 'on Sunday', not 'March 4' of the dateline
    assert clash.actor2 == "Military Forces of Burkina Faso" and clash.fatalities == 12
    bomb = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert bomb.event_date == "2024-03-02" and bomb.fatalities == 4 and bomb.actor2 == "Civilians (Burkina Faso)"
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.sub_event_type == "Protest with intervention" and protest.actor2 == "Police Forces of Burkina Faso"


def test_wire_gaza_the_adjective_names_the_striking_state_and_hours_later_is_that_day() -> None:
    events = _wire("gaza", "2024-05-11")
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 == "Military Forces of Israel" and strike.location == "Rafah" and strike.fatalities == 5
    assert strike.event_date == "2024-05-07"
    rockets = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert rockets.event_date == "2024-05-07" and rockets.evidence["event_date"][0].text == "Hours later"


def test_wire_nairobi_each_town_its_event_and_a_call_for_more_is_planned() -> None:
    events = _wire("nairobi", "2024-06-25")
    riots = {e.location: e for e in events if e.sub_event_type == "Violent demonstration"}
    assert set(riots) == {"Nairobi", "Mombasa", "Kisumu"}, [(e.sub_event_type, e.location) for e in events]
    assert riots["Nairobi"].actor2 == "Police Forces of Kenya" and riots["Nairobi"].fatalities == 5
    assert all(e.event_date == "2024-06-25" for e in riots.values())
    assert len(events) == 3  # the march told again, the arrests at it, no 'more demonstrations on Thursday'


def test_wire_myanmar_a_village_the_gazetteer_lacks_stays_in_myanmar() -> None:
    """'Let Yet Kone village' is no commune of New Caledonia (Kone), 'Let' no Lashkar-e-Taiba
    ('LeT'), the strike told twice is one, and 'the day before' is the day before it."""
    events = _wire("myanmar", "2023-02-20")
    assert {e.country for e in events} == {"Myanmar"}, [(e.location, e.country) for e in events]
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0].fatalities == 17 and strikes[0].event_date == "2023-02-19"
    assert not any("Lashkar" in (e.actor1 + e.actor2) for e in events)
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.event_date == "2023-02-18" and clash.fatalities == 10


def test_wire_khartoum_the_two_sides_are_no_death_toll() -> None:
    events = _wire("khartoum", "2023-04-18")
    fasher = next(e for e in events if e.location == "El Fasher")
    assert fasher.fatalities == 12 and fasher.event_date == "2023-04-17"


def test_wire_kharkiv_a_nations_attacks_and_air_defences_are_its_forces() -> None:
    events = _wire("kharkiv", "2024-01-23")
    strike = next(e for e in events if e.location == "Kharkiv")
    assert strike.actor1 == "Military Forces of Russia" and strike.fatalities == 3
    assert next(e for e in events if e.sub_event_type == "Disrupted weapons use").actor1 == "Military Forces of Ukraine"
    assert any(e.actor1 == "Military Forces of Russia" and e.sub_event_type == "Armed clash" for e in events)


def test_wire_mogadishu_the_attackers_bombs_are_the_attack_and_no_side_twice() -> None:
    events = _wire("mogadishu", "2022-08-21")
    attack = [e for e in events if e.actor1 == "al-Shabaab"]
    assert len(attack) == 1 and attack[0].event_type == "Explosions/Remote violence" and attack[0].fatalities == 21
    assert attack[0].event_date == "2022-08-19"
    assert all(e.actor1 != e.actor2 for e in events)


def test_wire_kuriga_the_attackers_shooting_is_the_abduction() -> None:
    events = _wire("kuriga", "2024-03-08")
    abduction = [e for e in events if e.event_type == "Violence against civilians"]
    assert len(abduction) == 1 and abduction[0].sub_event_type == "Abduction/forced disappearance"
    assert abduction[0].fatalities == 1 and abduction[0].actor2 == "Civilians (Nigeria)"  # 'police and residents said'


def test_wire_goma_the_two_sides_between_and_a_named_groups_noun() -> None:
    clash = next(e for e in _wire("goma", "2024-02-12") if e.sub_event_type == "Armed clash")
    assert clash.actor2 == "M23" and clash.location == "Sake" and clash.event_date == "2024-02-07"


def test_a_named_deal_and_clashing_claims_are_no_events() -> None:
    assert not _real("On Monday in Houston, Trump said Democrats had pushed Biden to back the Green New Deal.", "2024-03-12")
    assert not _real("On Monday in Athens, he spoke of clashing claims over the agreement signed between "
                     "Turkey and Libya.", "2024-03-12")


def test_wire_bajaur_the_bomber_told_again_is_the_suicide_bombing() -> None:
    events = _wire("bajaur", "2023-07-31")
    bombs = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1 and bombs[0].sub_event_type == "Suicide bomb" and bombs[0].fatalities == 44
    assert "Police" not in bombs[0].actor1  # 'district police chief Nazir Khan said' is the source


def test_wire_jenin_palestinians_are_a_people_and_the_west_bank_a_place() -> None:
    events = _wire("jenin", "2024-01-15")
    raid = next(e for e in events if e.location == "Jenin")
    assert raid.actor1 == "Military Forces of Israel" and "Military Forces of Palestine" not in (raid.actor2, raid.actor1)


def test_a_death_by_accident_is_no_violence() -> None:
    assert not _real("Sergeant Lee, a soldier of the army, was killed in Kabul on Monday when the generator he was "
                     "repairing short-circuited.", "2024-03-12")
    assert _real("Sergeant Lee, a soldier of the army, was killed in Kabul on Monday when gunmen opened fire on his "
                 "car.", "2024-03-12")


def test_a_witness_quoting_the_blast_tells_the_same_incident() -> None:
    """'"Then there was a huge explosion," said a trader': the witness's words, not a second bombing."""
    events = _real(_article(
        "A suicide bomber blew himself up at a checkpoint in Baidoa on Saturday, killing four soldiers, police said.",
        "Ambulances took at least 20 wounded people to the regional hospital, doctors said.",
        "\"We heard shouting near the gate. Then there was a huge explosion at the Baidoa checkpoint and smoke everywhere,\" said "
        "Ali Nur, a trader whose stall was damaged.",
        "The army closed the road for several hours.",
        "No group has said it carried out the attack.",
        "Officials said an investigation had begun."), "2024-03-10")
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 1, \
        [(e.sub_event_type, e.notes) for e in events]


def test_a_death_told_beside_the_bomb_that_caused_it_is_one_record() -> None:
    """'A soldier was killed in Kandahar. He died when a roadside bomb hit his vehicle': one
    explosion, not an attack and a bombing."""
    events = _real("A Marine was killed on Monday in Kandahar province, the military said. He died when a "
                   "roadside bomb struck his vehicle during a patrol.", "2024-03-13")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"], \
        [(e.sub_event_type, e.notes) for e in events]


def test_an_incident_named_to_date_another_gives_the_new_one() -> None:
    """'The day after the air strike, rebels attacked a convoy': the attack is the news, and
    the air strike named must not hide it as a bomb hides the killing it caused."""
    events = _real("Government jets bombed a village near Kanbalu on Monday, killing six people. The day after "
                   "the air strike, rebels attacked an army convoy near Ye-U, killing four soldiers.",
                   "2024-03-13")
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Armed clash"], \
        [(e.sub_event_type, e.notes) for e in events]


def test_a_running_count_and_a_habit_are_no_incidents() -> None:
    """'according to a Reuters tally', 'in the first half of the year', 'almost daily',
    'every year': sums and patterns, not incidents with a day and a place."""
    for sentence in ("More than 300 people have been killed in Tigray, according to a Reuters tally.",
                     "Bandits killed more than 500 people in Zamfara in the first half of the year, a rights group said.",
                     "The two armies have exchanged fire almost daily along the border near Kupiansk.",
                     "He marched with other veterans to the memorial in Arnhem every year."):
        assert not _real(sentence, "2024-07-02"), sentence
    assert _real("The two armies exchanged fire near Kupiansk on Tuesday, the army said.", "2024-07-02")


def test_an_incident_recalled_for_comparison_is_background() -> None:
    """'It recalled the 2019 ambush at X': the old ambush neither counts as news nor lends
    the new one its place or month."""
    events = _events("Gunmen ambushed a police patrol near Apatzingan on Monday, killing eight officers, "
                     "officials said. It recalled the October 2019 ambush in Aguililla, in which 13 officers "
                     "were killed.", "")  # no publication date: only the words say which is old
    real = [e for e in events if e.modality in {"asserted", "claimed"}]
    assert [(e.event_date, e.location, e.fatalities) for e in real] == [("", "Apatzingan", 8)], \
        [(e.modality, e.event_date, e.location, e.fatalities) for e in events]


def test_soldiers_killed_make_the_other_side_a_states_forces() -> None:
    """'A soldier from the town was killed in Afghanistan': a hometown paper's soldier is its
    country's; 'killing three Nigerian soldiers' says whose; 'soldiers shot a farmer' names
    no fallen soldier."""
    text = _article(
        "A Dayton soldier was killed on Monday when a roadside bomb hit his vehicle in Kandahar province, "
        "Afghanistan, the Army said.",
        "Sgt. John Roe, 24, graduated from Dayton High School in 2005.",
        "His mother said he had called home on Saturday from Kandahar.",
        "Flags will fly at half-staff in Ohio until the funeral.",
        "The funeral will be held on Friday in Dayton, Ohio.",
        "His parents and a sister live in Columbus, Ohio.")
    blast = next(e for e in _real(text, "2010-06-09") if e.event_type == "Explosions/Remote violence")
    assert blast.actor2 == "Military Forces of United States", (blast.actor1, blast.actor2)
    clash = _real("Militants ambushed a patrol near Damboa in Borno state on Sunday, killing three Nigerian "
                  "soldiers, the army said.", "2024-03-05")
    assert clash[0].actor2 == "Military Forces of Nigeria", [(e.actor1, e.actor2) for e in clash]
    shot = _real("Soldiers shot a farmer near Damboa on Sunday, residents said.", "2024-03-05")
    assert shot[0].actor2 != "Military Forces of Nigeria", [(e.actor1, e.actor2) for e in shot]


def test_a_hometown_is_not_where_the_soldier_fell() -> None:
    """'A Dayton soldier was killed in southern Afghanistan': Dayton is where he was from."""
    events = _real("A Dayton soldier was killed on Monday in southern Afghanistan, the Army said.", "2010-06-09")
    assert [e.country for e in events] == ["Afghanistan"], [(e.location, e.country) for e in events]


def test_a_place_after_in_is_a_place_even_inside_a_tagged_name() -> None:
    """The model may tag 'Humvee in Baqubah' as one organisation; Baqubah is still the place."""
    events = _real("A roadside bomb struck his Humvee in Baqubah, Iraq, on Monday, killing him, the Army said.",
                   "2007-10-17")
    assert [e.location for e in events] == ["Baqubah"], [(e.location, e.country) for e in events]


def test_named_battles_and_past_wars_are_history() -> None:
    """'killed in the Battle of the Bulge', 'fought in World War II': recalled, not news."""
    for sentence in ("His uncle was killed in the Battle of the Bulge near Bastogne on Christmas Day.",
                     "Her grandfather was wounded in Normandy on June 6 during World War II."):
        assert not _real(sentence, "2021-11-11"), sentence


def test_police_barricades_and_charges_are_no_riot() -> None:
    """'kept apart by metal barricades' is the police's fence; 'arrested on charges including
    riot' is the charge sheet. Protesters who erect burning barricades do riot."""
    text = ("Thousands rallied outside the state capitol in Columbus on Tuesday against the bill. "
            "The two crowds were kept apart by troopers and metal barricades along the plaza.")
    assert {e.sub_event_type for e in _real(text, "2011-03-02")} == {"Peaceful protest"}
    assert not _real("Nine people were arrested on charges including riot and criminal mischief.", "2011-03-02")
    riot = _real("Protesters erected barricades of burning tyres on the main road in Diepsloot on Tuesday.",
                 "2015-08-12")
    assert [e.sub_event_type for e in riot] == ["Violent demonstration"]


def test_campaign_gunfire_is_a_figure_of_speech() -> None:
    """'bombarding voters with attack ads', 'keep firing on all cylinders', 'under siege'."""
    for sentence in ("Both parties have spent the week in Harrisburg bombarding voters with attack ads.",
                     "At a diner in Media on Saturday, the senator said her campaign would keep firing on all "
                     "cylinders until Election Day."):
        assert not _real(sentence, "2022-10-25"), sentence
    assert _real("Troops fired on a car at a checkpoint near Hebron on Saturday, killing the driver.", "2022-10-25")


def test_a_wildfire_that_blew_up_is_no_bombing() -> None:
    """'the fire blew up in strong winds', 'skimmer planes bombing the ridge': firefighting."""
    for sentence in ("More than 100 firefighters were at the wildfire near Penticton on Sunday, when it blew up "
                     "in strong winds.",
                     "Residents watched skimmer planes bombing the ridge above Peachland on Saturday."):
        assert not _real(sentence, "2015-07-22"), sentence


def test_a_backdrop_clause_runs_to_its_end() -> None:
    """'the deadliest attack since the rebels and the government signed a peace deal': the
    deal is the backdrop, however many words its clause takes."""
    events = _real("Gunmen stormed a police post near Kidal on Sunday, killing six officers, in the deadliest "
                   "attack since the rebels and the government signed a peace deal.", "2024-06-11")
    assert [e.sub_event_type for e in events] == ["Armed clash"], [(e.sub_event_type, e.notes) for e in events]


def test_the_group_that_claims_an_attack_did_it() -> None:
    """'in an attack claimed by the Islamist group al-Shabaab': the claimant is actor1, and
    the checkpoint's soldiers the target."""
    events = _real("A suicide bomber drove a car packed with explosives into an army checkpoint in Baidoa on "
                   "Tuesday, killing five soldiers, in an attack claimed by the Islamist group al-Shabaab.",
                   "2024-04-03")
    assert [(e.actor1, e.actor2) for e in events] == [("al-Shabaab", "Military Forces of Somalia")], \
        [(e.actor1, e.actor2) for e in events]


def test_a_by_phrase_of_another_participle_describes_the_target() -> None:
    """'fired mortars at a base used by African Union troops': the troops are the target."""
    events = _real("Militants of al-Shabaab fired mortar rounds at a base used by African Union troops near "
                   "Baidoa on Tuesday, residents said.", "2024-04-03")
    assert [e.actor1 for e in events] == ["al-Shabaab"], [(e.actor1, e.actor2) for e in events]


def test_the_dateline_town_does_not_count_as_the_town_an_article_keeps_naming() -> None:
    """Filed from the capital, about a town: the filing place is no town the story tells of."""
    import dateline
    from dateline.events import incidents

    article = dateline.extract("MOGADISHU, April 3 (Wire) - Militants attacked an army base in Baidoa on Tuesday.\n\n"
                               "Mogadishu was calm.", published="2024-04-03")
    towns = incidents._towns(article)
    assert [[p.span.text for p in town] for town in towns["SOM"]] == [["Baidoa"], ["Mogadishu"]]


def test_a_time_phrase_or_a_measure_does_not_end_the_clause() -> None:
    """'before dawn on Tuesday', 'about 30 kilometers (20 miles) southwest of Kirkuk late on
    Saturday': the day is the trigger's own."""
    events = _real("Militants stormed a police station in the town of Kulachi in northwestern Pakistan before "
                   "dawn on Tuesday, killing six policemen.", "2023-12-13")
    assert [e.event_date for e in events] == ["2023-12-12"], [(e.event_date, e.notes) for e in events]
    events = _real("Militants attacked an army post in an area about 30 kilometers (20 miles) southwest of Kirkuk "
                   "late on Saturday, officials said.", "2023-08-15")
    assert [e.event_date for e in events] == ["2023-08-12"], [(e.event_date, e.notes) for e in events]


def test_a_witness_does_not_retype_the_raid() -> None:
    """'"They came from three sides, firing rockets and rifles"': the storming stays a fight."""
    events = _real(_article(
        "Militants stormed a police station in the town of Kulachi on Tuesday, killing six policemen, "
        "officials said.",
        "\"They came from three sides, firing rockets and rifles,\" said a constable who survived.",
        "The attackers fled before reinforcements arrived.",
        "Schools in the district were closed on Wednesday.",
        "The provincial government announced compensation for the families.",
        "No group has claimed the attack."), "2023-12-13")
    assert [e.sub_event_type for e in events] == ["Armed clash"], [(e.sub_event_type, e.notes) for e in events]


def test_a_statement_from_a_rights_group_names_no_side() -> None:
    """'according to a joint statement from rights groups including Amnesty International'."""
    events = _real("At least five people were shot dead outside parliament in Nairobi on Tuesday, according to "
                   "a joint statement from rights groups including Amnesty International Kenya.", "2024-06-26")
    assert events and all("Amnesty" not in (e.actor1 + e.actor2) for e in events), \
        [(e.actor1, e.actor2) for e in events]


def test_a_road_named_for_a_town_is_not_the_town() -> None:
    """'gathered along the Thika highway in Nairobi': the highway leads to Thika."""
    events = _real("Police fired live rounds at young people who had gathered along the Thika highway in Nairobi "
                   "on Tuesday, killing two, residents said.", "2024-06-26")
    assert [e.location for e in events] == ["Nairobi"], [(e.location, e.notes) for e in events]


def test_an_undated_report_is_dated_by_its_latest_written_date() -> None:
    """No publication date and no day of its own: the event lies in the month of the latest
    date the text writes with its year, as a publication date would place it (precision 3),
    with that date as evidence; with no written year it stays undated."""
    text = _article(
        "Gunmen ambushed a police convoy near Coyuca de Catalan, killing eight officers, officials said.",
        "Soldiers were sent to the area, the army said.",
        "The ambush on Oct. 11, 2021 was the deadliest this year in the state, local media said.",
        "Schools in the town were closed.",
        "The governor called for calm.",
        "Residents said they feared more violence.")
    events = _real(text, "")
    assert [(e.event_date, e.time_precision) for e in events] == [("2021-10", 3)], \
        [(e.event_date, e.notes) for e in events]
    assert events[0].evidence["event_date"][0].text == "Oct. 11, 2021"


def test_a_local_papers_dateline_city_places_what_no_other_town_does() -> None:
    """'BAREILLY: A curfew was clamped ... Trouble began when two groups clashed': with no
    other town named before it, the clash is in the city the story is filed from."""
    text = ("BAREILLY: A curfew was clamped in the old city on Wednesday after a procession turned violent.\n\n"
            "Trouble began on Tuesday afternoon when two groups of protesters clashed over the route and "
            "pelted each other with stones, police said.")
    events = _real(text, "2010-03-04")
    assert events and {e.location for e in events} == {"Bareilly"}, [(e.location, e.notes) for e in events]


def test_a_crowd_gathering_in_support_elsewhere_is_its_own_protest() -> None:
    """'Several thousand people also gathered in Barcelona in support of the Madrid protest':
    a second demonstration, in its own city; mourners gathering are none."""
    text = _article(
        "Tens of thousands of people marched through central Madrid on Saturday against housing costs, police said.",
        "Several thousand people also gathered in Barcelona in support of the Madrid protest, local media reported.",
        "Organisers said more protests were planned for next month.",
        "The government said it would present a housing plan.",
        "Rents in the capital have doubled in a decade.",
        "Opposition parties backed the marchers.")
    assert sorted(e.location for e in _real(text, "2024-05-12")) == ["Barcelona", "Madrid"]
    assert not _real("Mourners gathered at the cemetery in Barcelona on Sunday.", "2024-05-12")


def test_arrests_told_before_the_rally_they_were_made_at_are_part_of_it() -> None:
    """'Police arrested three protesters on Thursday night as hundreds rallied ...': one demonstration."""
    text = _article(
        "Campus police arrested three protesters on Thursday night as several hundred people rallied outside "
        "the auditorium in Bloomington against a visit by a commentator.",
        "The protesters chanted and blocked the doors on Thursday, and officers pushed them back, police said.",
        "The speech went ahead an hour late.",
        "The university said it supported free speech.",
        "Student groups said they would protest again.",
        "The commentator left by a side door.")
    events = _real(text, "2017-04-08")
    assert len(events) == 1, [(e.sub_event_type, e.notes[:50]) for e in events]


def test_an_undated_report_recalling_an_old_year_tells_background() -> None:
    """No publication date, but the text is written in 2012: a shooting on 'January 30, 1972'
    and 'that afternoon' are long past, not news."""
    text = _article(
        "Hundreds stood in silence in the city on Sunday to mark the 40th anniversary, organisers said.",
        "The first shots were fired on January 30, 1972, at about four o'clock.",
        "That afternoon, soldiers opened fire on a civil rights march in the Bogside, killing 13 men.",
        "A new exhibition about the day opens in March 2012, the museum said.",
        "Relatives laid wreaths at the monument.",
        "The names of the dead were read aloud.")
    events = _real(text, "")
    assert not [e for e in events if "1972" in e.event_date or e.sub_event_type.startswith("Excessive")], \
        [(e.sub_event_type, e.event_date, e.notes[:40]) for e in events]


def test_a_boxers_bombs_are_punches() -> None:
    """'"He hit me with some bombs in the second round"': a fight report; mortar rounds and
    a final round of talks are not game words."""
    text = ("The 24-year-old won by knockout in the fifth round in Hull on Saturday. \"He hit me with some bombs "
            "early on and I had to go out and destroy him,\" he said.")
    assert not _real(text, "2011-02-14")
    assert _real("Mortar rounds hit a market in Hull on Saturday, killing two people.", "2011-02-14")


def test_one_of_a_count_killed_is_a_tally() -> None:
    """'one of more than 40 workers killed in such attacks since the mine opened': a count."""
    assert not _real("The guard died in Baghdad in January, one of more than 40 contractors killed in such "
                     "incidents since the war began.", "2008-07-02")


def test_a_counter_rally_is_a_crowd_of_its_own() -> None:
    """'a counter-rally drew a few hundred people' beside the main rally: two demonstrations."""
    text = _article(
        "COLUMBUS - Thousands of public workers rallied outside the Ohio Statehouse on Tuesday to protest a bill.",
        "On the Statehouse's east steps, a counter-rally organized by tea party groups drew a few hundred people "
        "on Tuesday.",
        "The two crowds traded chants.",
        "The Senate is expected to vote next week.",
        "The governor said he would sign the bill.",
        "Union leaders said they would return.")
    assert len(_real(text, "2011-03-02")) == 2


def test_herdsmen_and_bandits_are_armed_groups_not_crime() -> None:
    """An article of violence by 'suspected herdsmen' or 'bandits' is about armed groups
    (ACLED codes their attacks), though it names no militia or army."""
    text = _article(
        "At least 17 people were killed when suspected herdsmen attacked a farming village in Guma on Sunday, "
        "police said.",
        "Residents said the attackers arrived on motorcycles at dawn.",
        "Houses were burned and cattle were taken.",
        "The state governor condemned the killings.",
        "Survivors fled to the nearby town of Makurdi.",
        "Police said an investigation had begun.")
    assert _real(text, "2018-04-16")


def test_the_day_of_a_when_clause_dates_the_killing() -> None:
    """'17 people were killed when herdsmen attacked a village in Guma on Sunday': Sunday."""
    events = _real("At least 17 people were killed when suspected herdsmen attacked a farming village in Guma "
                   "on Sunday, police said.", "2018-04-17")
    assert [e.event_date for e in events] == ["2018-04-15"]


def test_a_day_on_the_verb_the_trigger_is_subject_of_dates_it() -> None:
    """'A drone strike that residents blamed on the army hit a market in Finote Selam on
    Sunday': the relative clause does not cut Sunday off from the strike."""
    events = _real("A drone strike that residents blamed on the army hit a busy market in the town of Finote "
                   "Selam on Sunday, killing at least 26 people, a doctor said.", "2023-08-16")
    assert [e.event_date for e in events] == ["2023-08-13"], [(e.event_date, e.notes) for e in events]


def test_a_year_that_names_a_thing_does_not_date_an_undated_report() -> None:
    """'dissidents who rejected the 2016 peace accord': the year names the accord; with no
    other written date the report stays undated rather than placed in 2016."""
    text = _article(
        "Soldiers clashed on Saturday with dissidents who rejected the 2016 peace accord near Argelia, "
        "killing four rebels, the army said.",
        "The army said the fighting lasted several hours.",
        "Residents said they heard explosions.",
        "The government sent reinforcements to the area.",
        "Coca growers in the area have long been caught between the groups.",
        "The defence minister visited the region.")
    clashes = [e for e in _real(text, "") if e.sub_event_type == "Armed clash"]
    assert [e.event_date for e in clashes] == [""], [(e.event_date, e.notes[:40]) for e in clashes]


def test_a_right_to_march_is_no_march() -> None:
    """'"People have every right to march," the spokesman said': a principle, not a protest."""
    assert not _real("\"People have every right to march in Portland,\" police spokesman Dave Lind said on Friday.",
                     "2010-03-05")



@pytest.mark.parametrize("text", [
    "Police officers were injured when rioters attacked shoppers in Diepsloot on Monday.",
    "Riot police were hurt as a mob burned tyres and stoned motorists in Nakuru on Monday.",
])
def test_a_riot_met_by_police_has_the_police_as_its_other_side(text: str) -> None:
    riots = [e for e in _real(text) if e.event_type == "Riots"]
    assert len(riots) == 1, [(e.sub_event_type, e.notes) for e in _real(text)]
    assert riots[0].actor1.startswith("Rioters") and riots[0].actor2.startswith("Police Forces of"), \
        (riots[0].actor1, riots[0].actor2)


@pytest.mark.parametrize("text", [
    "Rioters smashed shop windows and burned cars in Lyon on Saturday night.",
    "Police said rioters attacked foreign-owned shops in Diepsloot on Monday.",  # the police tell it
])
def test_a_riot_with_no_force_meeting_it_has_no_other_side(text: str) -> None:
    riots = [e for e in _real(text) if e.event_type == "Riots"]
    assert len(riots) == 1 and riots[0].actor2 == "", [(e.actor1, e.actor2) for e in riots]


@pytest.mark.parametrize("text, doer", [
    ("Four troops were shot dead and one hurt when dozens of armed rebels from the ADF raided a post "
     "near Beni on Sunday night, a spokesman said.", "ADF"),
    ("Three guards were shot dead as a band of al-Shabaab fighters stormed a hotel gate in Kismayo on Sunday.",
     "al-Shabaab"),
])
def test_the_when_clause_of_a_passive_killing_names_its_doer(text: str, doer: str) -> None:
    events = [e for e in _real(text) if e.event_type in {"Battles", "Violence against civilians"}]
    assert len(events) == 1 and doer in events[0].actor1, [(e.actor1, e.actor2) for e in events]


def test_villagers_killed_by_a_mine_are_its_victims_not_its_layers() -> None:
    events = [e for e in _real("Three villagers were killed when their bus hit a landmine near Kidal on Monday.")
              if e.event_type == "Explosions/Remote violence"]
    assert len(events) == 1
    assert events[0].actor1.startswith("Unidentified Armed Group") and events[0].actor2.startswith("Civilians"), \
        (events[0].actor1, events[0].actor2)


def test_a_headline_sums_up_the_body_and_is_no_record_of_its_own() -> None:
    title = "Roadside bomb kills four soldiers in northern Mali"
    text = (f"{title}\n\nBAMAKO (Wire) - Four Malian soldiers were killed on Sunday when their truck hit a "
            "roadside bomb near Douentza, the army said. No group has said it planted the device.")
    events = [e for e in dateline.extract(text, published="2024-03-12", title=title).events
              if e.modality in {"asserted", "claimed"}]
    assert len(events) == 1, [(e.sub_event_type, e.event_date, e.location) for e in events]
    assert events[0].event_date == "2024-03-10" and events[0].location == "Douentza"
    assert any(span.start < len(title) for span in events[0].evidence["notes"])  # the headline is evidence


def test_enemies_neutralised_in_a_battle_are_its_dead_not_a_disrupted_weapon() -> None:
    events = _real("Insurgents attacked an army camp near Diffa on Sunday. The army said 12 attackers were "
                   "neutralised in the fighting.")
    assert "Disrupted weapons use" not in {e.sub_event_type for e in events}, [(e.sub_event_type, e.notes) for e in events]
    events = _real("Army engineers neutralised an explosive device left at the market gate in Diffa on Sunday.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_opening_fire_on_a_base_is_no_base_established() -> None:
    events = _real("Militants opened fire on the police base in Bannu from two directions on Monday night.")
    assert "Headquarters or base established" not in {e.sub_event_type for e in events}, \
        [(e.sub_event_type, e.notes) for e in events]


def test_people_missing_after_a_landslide_were_lost_not_abducted() -> None:
    events = _real("POKHARA, June 3 (Wire) -- Four people were killed and six others went missing after a landslide "
                   "buried two houses in Kaski district early Monday, police said. Troops from the Nepal Army and "
                   "the Armed Police Force joined the search.", published="2024-06-03")
    assert "Abduction/forced disappearance" not in {e.sub_event_type for e in events}, \
        [(e.sub_event_type, e.notes) for e in events]
    events = _real("Two aid workers went missing on Friday after gunmen stopped their car near Gao.")
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in events}


def test_the_crime_a_man_is_held_for_is_no_incident_of_its_own() -> None:
    events = _real("Police in Tacloban on Thursday arrested a rebel commander, serving a warrant for murder and "
                   "arson. He was arrested without resistance in a guesthouse, an officer added.", published="2024-03-15")
    assert [e.sub_event_type for e in events] == ["Arrests"], [(e.sub_event_type, e.notes) for e in events]


def test_gunmen_withdrawing_after_a_firefight_end_the_battle_not_hand_over_ground() -> None:
    events = _real("Troops beat back an assault near Uruapan on Thursday; after a gun battle of nearly an hour "
                   "the attackers withdrew towards the mountains.", published="2024-03-16")
    assert [e.sub_event_type for e in events] == ["Armed clash"], [(e.sub_event_type, e.notes) for e in events]
    events = _real("The rebels withdrew from the town of Kidal on Thursday, handing it to the army.", published="2024-03-16")
    assert [e.sub_event_type for e in events] == ["Non-violent transfer of territory"]


def test_a_battles_unnamed_side_is_the_one_armed_group_the_article_names() -> None:
    text = ("The M23 rebel group has pushed towards Goma in recent weeks. Heavy fighting with soldiers broke out "
            "on Monday near Sake, residents said.")
    battles = [e for e in _real(text) if e.event_type == "Battles"]
    assert len(battles) == 1 and "M23" in (battles[0].actor1 + battles[0].actor2), \
        [(e.actor1, e.actor2) for e in battles]
    said = battles[0].evidence.get("actor1", []) + battles[0].evidence.get("actor2", [])
    assert any(span.text == "M23" for span in said)  # the group's own mention is the evidence


@pytest.mark.parametrize("text", [
    "The M23 rebel group has pushed towards Goma in recent weeks. Gunmen clashed with soldiers near Sake on "
    "Monday, residents said.",  # gunmen: the words do not say whose
    "The M23 rebel group has pushed towards Goma in recent weeks. Heavy fighting with soldiers broke out on "
    "Monday near Sake. It was not immediately clear who the troops were fighting.",
])
def test_a_battles_side_stays_unidentified_when_the_words_do_not_say_whose(text: str) -> None:
    battles = [e for e in _real(text) if e.event_type == "Battles"]
    assert battles and all("M23" not in e.actor1 + e.actor2 for e in battles), [(e.actor1, e.actor2) for e in battles]


@pytest.mark.parametrize("text", [
    "The ministry condemned what it termed a \"fresh massacre\" and blamed the army for it.",
    "Officials say the new checkpoints around Jenin are meant to prevent attacks on settlers.",
    "Police fired tear gas shells at marchers in Imphal on Monday.",
])
def test_names_purposes_and_tear_gas_shells_are_no_violent_incident(text: str) -> None:
    events = _real(text)
    assert not [e for e in events if e.event_type in {"Violence against civilians", "Battles",
                                                       "Explosions/Remote violence"}], \
        [(e.sub_event_type, e.notes) for e in events]


def test_a_claim_told_in_a_sentence_of_its_own_names_the_bomber_s_group() -> None:
    text = ("QUETTA, Pakistan, March 3 (Wire) - A bomber on a motorbike blew himself up beside a paramilitary truck "
            "in Turbat on Friday, killing three troops, officials said. The blast also wrecked two parked cars, an "
            "officer said. The Pakistani Taliban (TTP) claimed responsibility in an email to journalists.")
    bombs = [e for e in _real(text, "2024-03-03") if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1 and bombs[0].actor1 == "TTP", [(e.actor1, e.actor2) for e in bombs]


def test_a_group_linked_to_the_claimant_is_not_the_claimant() -> None:
    text = ("Two bombs exploded at a church in Jolo on Sunday, killing 20 people, police said. The army blamed the "
            "bombing on local militants. The Islamic State, which is linked to the Abu Sayyaf Group, later claimed "
            "responsibility.")
    bombs = [e for e in _real(text, "2019-01-28") if e.event_type == "Explosions/Remote violence"]
    assert bombs and all("Abu Sayyaf" not in e.actor1 for e in bombs), [(e.actor1, e.actor2) for e in bombs]


def test_an_intelligence_based_operation_in_a_district_is_placed_there() -> None:
    events = _real("Troops shot dead two insurgents during an intelligence-based raid in the Lakki Marwat district "
                   "on Monday.", "2023-11-22")
    assert [e.location for e in events] == ["Lakki Marwat District"], [(e.sub_event_type, e.location) for e in events]


def test_a_crowd_is_placed_where_it_marched_not_where_the_deed_it_protests_happened() -> None:
    text = ("IMPHAL: Police fired tear gas at hundreds of women marching to the governor's residence on Monday, "
            "demanding justice for the families hurt by the violence in the hill villages of Churachandpur.")
    events = _real(text, "2023-06-14")
    assert [(e.event_type, e.location) for e in events] == [("Protests", "Imphal")], \
        [(e.sub_event_type, e.location) for e in events]


def test_petrol_bombs_thrown_at_officers_are_a_riot_not_an_explosive_device() -> None:
    events = _real("Youths threw petrol bombs at police in Ardoyne on Monday night, officers said.", "2021-04-06")
    assert [e.sub_event_type for e in events] == ["Violent demonstration"], [(e.sub_event_type, e.notes) for e in events]


def test_a_group_saying_it_fired_the_rockets_fired_them() -> None:
    events = _real("On Monday Hezbollah said it had fired a barrage of anti-tank missiles at an army post near "
                   "Metula.", "2024-01-16")
    assert [e.actor1 for e in events] == ["Hezbollah"], [(e.sub_event_type, e.actor1) for e in events]


def test_an_accord_named_by_its_year_is_background() -> None:
    events = _events("Troops fought on Friday near Tumaco with a breakaway FARC unit that never accepted the 2016 "
                     "peace accord; two guerrillas died.", published="")
    accords = [e for e in events if e.sub_event_type == "Agreement"]
    assert accords and all(e.modality == "historical" for e in accords), [(e.sub_event_type, e.modality) for e in events]


def test_what_a_bomb_was_meant_to_do_is_no_second_incident() -> None:
    events = _real("A bomb found under a policeman's car in Newry on Tuesday was placed with the intention of "
                   "murdering him, a detective said.", "2014-07-09")
    assert "Armed clash" not in {e.sub_event_type for e in events} and "Attack" not in {e.sub_event_type for e in events}, \
        [(e.sub_event_type, e.notes) for e in events]


@pytest.mark.parametrize("text, published, expected", [
    ("Officers detained nine men after missiles were hurled at police lines at an anti-immigration march in "
     "Bolton on Saturday.", "2010-04-05", {"Violent demonstration"}),  # stones and bottles, not artillery
    ("Eleven people died on Thursday when a suicide bomber detonated his vest beside police recruits queuing at "
     "a training centre in Kirkuk.", "2008-05-16", {"Suicide bomb"}),  # recruits waiting: no recruitment
    ("The insurgents said in an online post that they killed 30 soldiers and seized rifles and trucks during "
     "the assault on Baga on Sunday.", "2020-06-15", {"Armed clash"}),  # the spoils of the fight
    ("Troops at a roadblock outside Tacloban on Friday detained a man they said was a rebel tax collector. "
     "Officers said a handgun and a grenade were found on his person.", "2019-08-17", {"Arrests"}),
    ("Although the tax bill was withdrawn on Sunday, unions and students kept up the strike in Cali.",
     "2021-05-06", set()),
])
def test_words_that_name_no_incident_of_their_own(text: str, published: str, expected: set[str]) -> None:
    assert {e.sub_event_type for e in _real(text, published)} == expected, \
        [(e.sub_event_type, e.notes) for e in _real(text, published)]


def test_a_unified_command_is_its_states_military() -> None:
    events = _real("The US Africa Command (AFRICOM) said it had carried out an airstrike on al-Shabaab militants "
                   "near Kismayo on Friday.", "2021-07-10")
    assert [(e.actor1, e.actor2) for e in events] == [("Military Forces of United States", "al-Shabaab")]


def test_a_capital_that_signs_is_a_government_not_the_place_of_the_attack() -> None:
    events = _real("Taliban gunmen overran a police post in Baghlan province late on Friday, killing six officers, "
                   "in one of the worst attacks since the militants and Washington signed their accord.",
                   "2020-06-09")
    assert [(e.location, e.actor2) for e in events] == [("Baghlan", "Police Forces of Afghanistan")], \
        [(e.location, e.actor2) for e in events]


def test_a_patrol_coming_under_fire_is_a_clash_placed_where_the_second_sentence_says() -> None:
    text = ("A Devon marine killed by Taliban gunfire in southern Afghanistan was named on Friday. Marine Sam "
            "Cole, 24, died on Wednesday when his section came under small-arms fire near Gereshk, his unit said.")
    clashes = [e for e in _real(text, "2009-11-12") if e.event_type == "Battles"]
    assert len(clashes) == 1 and clashes[0].location == "Gereshk", [(e.sub_event_type, e.location) for e in clashes]


def test_reported_speech_in_the_pluperfect_is_no_background() -> None:
    text = ("On Tuesday, soldiers battled al-Shabaab fighters for hours outside Baidoa. An officer told reporters "
            "that three troops had died. He said he could not say how many fighters had been killed. The group's "
            "worst attack came in October 2017, when a truck bomb killed hundreds in the capital.")
    clashes = [e for e in _events(text, "2021-07-11") if e.event_type == "Battles"]
    assert [e.modality for e in clashes] == ["asserted"], [(e.modality, e.evidence.get("modality")) for e in clashes]


def test_a_claimant_named_with_an_apposition_claims_the_bombing() -> None:
    text = ("A car bomb exploded at a hotel gate in Kismayo on Friday, killing six people, officials said. Two "
            "guards were among the dead. Al-Shabaab, the militant group that controls much of the south, said on "
            "its radio channel that it had carried out the bombing.")
    bombs = [e for e in _real(text, "2021-07-11") if e.event_type == "Explosions/Remote violence"]
    assert [e.actor1 for e in bombs] == ["al-Shabaab"], [(e.actor1, e.actor2) for e in bombs]


def test_a_nationwide_count_is_a_tally() -> None:
    events = _real("An opposition party said on Friday that 31 people had been killed nationwide.", "2024-06-27")
    assert events == [], [(e.sub_event_type, e.notes) for e in events]


def test_those_arrested_are_the_other_side_of_an_arrest() -> None:
    events = [e for e in _real("Police in Grodno detained three opposition lawyers at their offices on "
                               "Tuesday, their bar association said.", "2020-09-09") if e.sub_event_type == "Arrests"]
    assert [(e.actor1, e.actor2) for e in events] == [("Police Forces of Belarus", "Civilians (Belarus)")], \
        [(e.actor1, e.actor2) for e in events]


def test_letters_in_brackets_abbreviate_the_name_before_them() -> None:
    """'SNA' is also the Syrian National Army; after 'the Somali National Army' it is that army."""
    events = _real("On Sunday the Somali National Army (SNA) regained control of two villages outside Baidoa after "
                   "al-Shabaab fighters withdrew, a commander said.", "2024-03-05")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == \
        [("Government regains territory", "Military Forces of Somalia", "al-Shabaab")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_fighting_told_again_with_insurgents_is_the_taliban_attack() -> None:
    text = ("Late on Thursday, Taliban fighters attacked police outposts around Pul-e Khumri. Fighting continued "
            "until dawn, and two policemen were killed as insurgents overran a post, an official said.")
    clashes = [e for e in _real(text, "2020-10-21") if e.event_type == "Battles"]
    assert len(clashes) == 1, [(e.sub_event_type, e.actor1, e.actor2, e.event_date) for e in clashes]


def test_a_tally_for_months_of_the_year_is_no_incident() -> None:
    events = _real("A rights monitor counted 1,800 civilian deaths in the first seven months of this year.",
                   "2020-10-21")
    assert events == [], [(e.sub_event_type, e.notes) for e in events]


def test_violence_an_anniversary_article_retells_undated_is_history() -> None:
    title = "Town marks 75 years since the air raid that destroyed its centre"
    text = (f"{title}\n\nHundreds gathered in the rebuilt square on Sunday to lay wreaths. Historians estimate "
            "that roughly 600 residents were killed when bombers struck, levelling the cathedral and the station.")
    events = [e for e in dateline.extract(text, published="2019-09-02", title=title).events
              if e.event_type in {"Violence against civilians", "Explosions/Remote violence", "Battles"}]
    assert events and all(e.modality == "historical" for e in events), [(e.sub_event_type, e.modality) for e in events]


@pytest.mark.parametrize("text, victims", [
    ("Three soldiers were wounded on Friday when a buried bomb ripped apart their armoured car outside Menaka.", "Military"),
    ("Four policemen were killed when their van ran over a landmine outside Dantewada on Monday.", "Police"),
    ("Two troopers died after a buried mine went off under their jeep near Kidal on Monday.", "Military"),
])
def test_those_killed_when_a_weapon_struck_are_its_victims(text: str, victims: str) -> None:
    """The weapon of a 'when/as/after' clause harmed the passive deed's subject: they are
    actor2, whatever side they are (roles._sufferers_of_main_clause)."""
    events = [e for e in _real(text) if e.event_type == "Explosions/Remote violence"]
    assert len(events) == 1 and events[0].actor2.startswith(victims), [(e.actor1, e.actor2) for e in events]
    assert events[0].actor1.startswith("Unidentified Armed Group"), events[0].actor1


@pytest.mark.parametrize("text, target", [
    ("Gunmen ambushed a column of federal police outside Celaya on Monday, killing six officers.", "Police Forces"),
    ("Insurgents attacked a patrol of soldiers near Dori on Monday, the army said.", "Military Forces"),
])
def test_a_unit_of_a_force_is_that_force(text: str, target: str) -> None:
    """'a convoy of state police' is the police (rule roles.group_of.units)."""
    events = [e for e in _real(text) if e.event_type in {"Battles", "Violence against civilians"}]
    assert len(events) == 1 and events[0].actor2.startswith(target), [(e.actor1, e.actor2) for e in events]


def test_guerrillas_of_a_named_group_are_that_group() -> None:
    events = _real("Two troopers died and four were hurt on Monday when armed cadres of the New People's Army "
                   "(NPA) fired on their jeep outside Borongan, the army said.", "2019-08-15")
    assert [(e.actor1, e.actor2) for e in events] == [("NPA", "Military Forces of Philippines")], \
        [(e.actor1, e.actor2) for e in events]


def test_a_habit_clause_leaves_the_incident_before_it() -> None:
    events = _real("Insurgents shelled the crossing at Rutshuru on Monday; villagers blamed the insurgents, "
                   "who have shelled it before.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_what_someone_refused_to_do_did_not_happen() -> None:
    """'refused to hand over the town' (rule modality.negated): no transfer of ground."""
    events = _real("Gunmen seized a herder near Gao on Monday after he refused to hand over his cattle, a relative said.")
    assert not [e for e in events if e.event_type == "Strategic developments"], [e.sub_event_type for e in events]


def test_fired_towards_a_base_names_its_target() -> None:
    events = _real("Three rockets were fired towards the UN base outside Kidal on Monday night, the mission said.")
    assert len(events) == 1 and "United Nations" in events[0].actor2 and "United Nations" not in events[0].actor1, \
        [(e.actor1, e.actor2) for e in events]


def test_a_flash_mob_is_a_protest_not_a_mob_attack() -> None:
    events = _real("Students staged a flash mob protest outside the education ministry in Colombo on Monday.")
    assert [e.event_type for e in events] == ["Protests"], [e.sub_event_type for e in events]


def test_an_office_speaking_from_its_town_does_not_place_the_deed() -> None:
    """'the army command in Kaduna said ...' (rule place.speaker_seat)."""
    events = _real("The army command in Kaduna said on Monday that troops fought bandits near Gusau.")
    assert [e.location for e in events] == ["Gusau"], [e.location for e in events]


def test_taking_people_into_custody_is_an_arrest() -> None:
    events = _real("Soldiers took four opposition activists into custody in Harare on Monday, their lawyer said.")
    assert [e.sub_event_type for e in events] == ["Arrests"], [e.sub_event_type for e in events]


@pytest.mark.parametrize("text", [
    "Riot police detained 25 protesters outside the town hall in Cluj on Sunday.",
    "Police arrested at least a dozen demonstrators in Sfax on Sunday as the crowd marched on the governorate.",
])
def test_protesters_arrested_make_a_protest_with_intervention(text: str) -> None:
    """Protesters arrested are held at their protest (rule context.at_protest.crowd_held):
    one protest with intervention, not an arrest beside a peaceful protest."""
    events = _real(text)
    assert [e.sub_event_type for e in events] == ["Protest with intervention"], [e.sub_event_type for e in events]
    assert events[0].actor1.startswith("Protesters") and events[0].actor2.startswith("Police"), \
        (events[0].actor1, events[0].actor2)


def test_a_group_that_claims_the_raid_did_it() -> None:
    """'al-Shabaab claimed the raid' (rule incidents.claim.after) names the unnamed gunmen."""
    events = _real("Gunmen stormed a bus station near Baidoa on Monday, killing five travellers. In a recording "
                   "released on Tuesday, al-Shabaab claimed the raid.")
    assert [e.actor1 for e in events] == ["al-Shabaab"], [(e.sub_event_type, e.actor1) for e in events]


def test_burning_told_with_a_fight_is_part_of_it() -> None:
    """'clashed with soldiers ... and burned down the market': one battle, no looting record beside it."""
    events = _real("Rebels clashed with soldiers near Beni on Monday and burned down the market.")
    assert [e.sub_event_type for e in events] == ["Armed clash"], [e.sub_event_type for e in events]


def test_militiamen_are_an_armed_group() -> None:
    events = _real("Militiamen looted shops in the town of Kalemie on Monday.")
    assert [(e.sub_event_type, e.actor1.split(" (")[0]) for e in events] == [
        ("Looting/property destruction", "Unidentified Armed Group")]


def test_a_refusal_beats_a_report_cue() -> None:
    """'reportedly ... after they refused to hand over X': the refusal right before the trigger
    says the handover did not happen, whatever cue comes earlier in the clause."""
    events = _real("Militants reportedly abducted two teachers near Balcad on Monday after the school refused to "
                   "hand over its older pupils.")
    assert not [e for e in events if e.sub_event_type == "Non-violent transfer of territory"], \
        [(e.sub_event_type, e.modality) for e in events]


@pytest.mark.parametrize("text", [
    "Gunmen seized a village chief near Gao on Monday, a relative said.",
    "Bandits snatched two nurses from the clinic in Zurmi on Monday night.",
])
def test_people_seized_are_abducted(text: str) -> None:
    """Rule acled.abduction.seized_people: seizing people is abduction, seizing a town is not."""
    assert [e.sub_event_type for e in _real(text)] == ["Abduction/forced disappearance"], \
        [e.sub_event_type for e in _real(text)]


def test_the_tamil_tigers_are_the_ltte_not_the_army() -> None:
    events = _real("Tamil Tigers overran an army camp near Kilinochchi on Monday, killing 12 soldiers.")
    assert [(e.actor1, e.actor2) for e in events] == [
        ("LTTE", "Military Forces of Sri Lanka")], [(e.actor1, e.actor2) for e in events]


def test_a_crowd_of_shoppers_is_no_protest() -> None:
    assert not [e for e in _real("A van ploughed into a crowd of shoppers in Leeds on Saturday.") if e.event_type == "Protests"]


def test_those_killed_in_a_clash_with_troops_fought_the_troops() -> None:
    """'militants were killed in a gunfight with security forces': the militants are the
    passive subject, the forces the other side (roles.syntactic keeps both)."""
    events = _real("Two insurgents were gunned down in an overnight gunfight with security forces near Sopore, "
                   "police said.")
    assert [(e.actor1, e.actor2) for e in events] == [("Military Forces of India", "Unidentified Armed Group (India)")], \
        [(e.actor1, e.actor2) for e in events]


def test_a_count_of_dead_attackers_tells_the_assault_before_it() -> None:
    """'two soldiers and six attackers were killed' after al-Shabaab stormed a base: one incident."""
    events = _real("Al-Shabaab fighters stormed an army base near Balcad before dawn on Monday, setting off a "
                   "gun battle that lasted two hours. An officer said two soldiers and six attackers were killed.")
    battles = [e for e in events if e.event_type == "Battles"]
    assert len(battles) == 1 and battles[0].actor1 == "al-Shabaab", [(e.actor1, e.actor2) for e in battles]


def test_a_town_and_its_state_are_one_place() -> None:
    """'Celaya, Guanajuato': the state holding the town, not Guanajuato city, so one record."""
    events = _real("Gunmen killed six people at a bar in Irapuato, Guanajuato, late on Saturday, officials said.")
    assert [e.location for e in events] == ["Irapuato"], [(e.location, e.admin1) for e in events]


def test_jawans_are_soldiers() -> None:
    events = _real("Three jawans were wounded when Maoists set off a landmine in Bijapur district on Monday.")
    assert [e.actor2 for e in events] == ["Military Forces of India"], [(e.actor1, e.actor2) for e in events]


def test_hacked_to_death_is_one_dead() -> None:
    """Rule victims.kill.words: 'hacked to death' kills its one victim."""
    events = _real("A village guard was hacked to death by unknown attackers near Kasese on Tuesday night.")
    assert [e.fatalities for e in events] == [1], [(e.sub_event_type, e.fatalities) for e in events]


def test_arrests_in_a_headline_join_the_protest_the_body_tells() -> None:
    import dateline

    title = "Demonstration after police shooting turns rowdy in Memphis; six detained"
    text = (f"{title}\n\nSeveral people in a crowd gathered outside police headquarters in Memphis hurled bottles "
            "at officers late on Saturday, a police spokesman said.")
    events = [e for e in dateline.extract(text, title=title).events if e.modality == "asserted"]
    assert [e.sub_event_type for e in events] == ["Violent demonstration"], [e.sub_event_type for e in events]


@pytest.mark.parametrize("text", [
    "A policeman was hacked to death by suspected robbers near Rangpur on Tuesday night.",
    "A traffic constable was stabbed in Multan on Monday by a man who fled on a motorcycle, officials said.",
])
def test_fallen_police_make_the_other_side_police(text: str) -> None:
    """Rule victims.police.nouns: a police officer killed or wounded is of the state's police forces."""
    events = [e for e in _real(text) if e.event_type in {"Battles", "Violence against civilians"}]
    assert events and all(e.actor2.startswith("Police Forces of") for e in events), [(e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text", [
    # what a group does again and again, or is known for, describes it (rules incidents.habitual.*)
    pytest.param("Police blamed the Tiger Brigade, which has raided the depot repeatedly.", id="habit"),
    pytest.param("Villagers blamed the insurgents, who have shelled the crossing before.", id="habit-before"),
    pytest.param("The syndicate, notorious for kidnappings on the coastal road, denied any role.", id="reputation"),
    # a situation report's summary (rules incidents.tally.recorded and incidents.tally.continued)
    pytest.param("Aid agencies recorded three security incidents in Gedo this week: an ambush near Bardera, a "
                 "kidnapping in Luuq and an IED blast outside Garbahaarey.", id="summary-recorded"),
    pytest.param("Shelling and drone strikes continued along the front line throughout the reporting period.",
                 id="summary-continued"),
    # no one's political violence (rules incidents.accident.animal and incidents.accident.road)
    pytest.param("A wild elephant killed a farmer in Erode district on Tuesday night.", id="animal"),
    pytest.param("Three pilgrims were killed when a speeding lorry hit their minibus near Ujjain on Monday.",
                 id="road-crash"),
    # a walkout, not an assault (rules acled.armed_clash.assault and acled.violent_demo.violence)
    pytest.param("Opposition deputies stormed out of the assembly in Skopje on Tuesday after the vote.", id="walkout"),
])
def test_words_of_violence_that_report_no_incident(text: str) -> None:
    events = _real(text)
    assert events == [], [(e.sub_event_type, e.actor1, e.location, e.modality) for e in events]


@pytest.mark.parametrize("text, doer", [
    pytest.param("Attackers set off a bomb at a bus stop in Maiduguri on Sunday, killing four people. Police blamed "
                 "Boko Haram, which has fought the army for years.", "Boko Haram", id="police-blame"),
    pytest.param("Unknown gunmen ambushed a police patrol near Tame on Monday, killing two officers. Local "
                 "authorities attributed the ambush to the ELN.", "ELN", id="attributed-to"),
    pytest.param("Attackers set off a bomb at a bus stop in Maiduguri on Sunday, killing four people. The governor "
                 "blamed Boko Haram, which denied any role.", "Unidentified Armed Group (Nigeria)", id="denied"),
    pytest.param("Attackers set off a bomb at a bus stop in Maiduguri on Sunday, killing four people. A columnist for "
                 "a local newspaper attributed the blast to Boko Haram.", "Unidentified Armed Group (Nigeria)",
                 id="private-opinion"),
    pytest.param("Two bombs exploded at a market in Jolo on Sunday, killing nine people. Most shops stayed shut on "
                 "Monday. Many traders kept their children at home. A military spokesman said Abu Sayyaf militants "
                 "were the suspected perpetrators.", "Abu Sayyaf", id="suspected-perpetrators"),
])
def test_the_group_the_authorities_blame_is_the_doer(text: str, doer: str) -> None:
    """Rules incidents.blame.*: a group that the police, officials or residents blame for an
    attack with unnamed doers is its actor1 (ACLED codes suspected perpetrators), unless it
    denies it or only a private person says so."""
    events = [e for e in _real(text, "2024-03-05") if e.event_date != "2024-03-05"]
    assert [e.actor1 for e in events] == [doer], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text, force", [
    pytest.param("Security forces fired tear gas at thousands of marchers in Khartoum on Monday.",
                 "Police Forces of Sudan", id="security-forces"),
    pytest.param("Soldiers fired live rounds at thousands of marchers in Khartoum on Monday.",
                 "Military Forces of Sudan", id="soldiers"),
])
def test_security_forces_at_a_demonstration_are_its_police(text: str, force: str) -> None:
    """Rule incidents.crowd.security_forces: forces named only by their security role that
    step into a demonstration are the police keeping order; soldiers stay the military."""
    events = _real(text, "2024-03-05")
    assert [e.actor2 for e in events] == [force], [(e.sub_event_type, e.actor2) for e in events]


@pytest.mark.parametrize("text, dead", [
    pytest.param("Troops fought rebels outside Kasese on Monday; four rebels and two soldiers were killed in the "
                 "fighting, the army said.", 6, id="both-sides"),
    pytest.param("Rebels ambushed an army convoy outside Kasese on Monday, killing four soldiers. A local official "
                 "later said six soldiers had died.", 4, id="same-side-told-twice"),
    pytest.param("Rebels ambushed an army convoy outside Kasese on Monday, killing four soldiers. The army said "
                 "troops had killed 90 rebels in the district over the past month.", 4, id="count-of-a-period"),
])
def test_a_battle_counts_the_dead_of_both_sides(text: str, dead: int) -> None:
    """Rules events.quantity_side and incidents.count.period: a battle's fatalities add the
    other side's dead told in the same sentence, not a second count of one side nor a count
    over a period."""
    events = _real(text, "2024-03-05")
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", dead)], \
        [(e.sub_event_type, e.fatalities) for e in events]


@pytest.mark.parametrize("text, kind", [
    pytest.param("Thousands of people packed the main square of Sofia on Sunday to demand new elections.",
                 ["Peaceful protest"], id="packed-to-demand"),
    pytest.param("Fans packed the main square of Sofia on Sunday to watch the final.", [], id="fans"),
])
def test_a_crowd_that_fills_a_square_to_demand_something_protests(text: str, kind: list[str]) -> None:
    """Rule acled.peaceful_protest.filled: filling a square or the streets to demand or
    denounce something is a demonstration, dated by its own day."""
    events = _real(text, "2024-03-05")
    assert [e.sub_event_type for e in events] == kind, [(e.sub_event_type, e.event_date) for e in events]
    assert all(e.event_date == "2024-03-03" for e in events)


def test_arrests_told_with_what_the_crowd_did_are_an_intervention_in_its_protest() -> None:
    """Rule context.at_protest.as_crowd: 'arrested 18 people as protesters blocked the gates'
    is one protest with intervention, not an arrest beside a peaceful protest."""
    events = _real("Police arrested 18 people on Monday as hundreds of climate protesters blocked the gates of the "
                   "refinery in Rotterdam.", "2024-03-05")
    assert [(e.sub_event_type, e.actor2) for e in events] == [
        ("Protest with intervention", "Police Forces of Netherlands")], [(e.sub_event_type, e.actor2) for e in events]


@pytest.mark.parametrize("text", [
    pytest.param("Elders blamed the Kumba militia, which has been fighting a rival faction over the ferry landing "
                 "on the river.", id="has-been-fighting"),
    pytest.param("The militia has been blamed for a series of massacres on the plateau.", id="blamed-for-a-series"),
    pytest.param("Hundreds of villagers have since been killed in the region.", id="have-since-been-killed"),
])
def test_what_a_group_has_been_doing_is_no_incident(text: str) -> None:
    """Rules incidents.habitual.relative and incidents.tally.since: a group's record and a
    toll counted since some time are no incidents."""
    events = _real(text, "2024-03-05")
    assert events == [], [(e.sub_event_type, e.modality) for e in events]


@pytest.mark.parametrize("victims", ["traders", "fishermen", "commuters", "mourners"])
def test_people_at_their_work_or_on_their_way_are_civilians(victims: str) -> None:
    """Rule context.civilian_victims and the Civilians actor: armed men who kill traders,
    fishermen, commuters or mourners attack civilians; it is no battle."""
    events = _real(f"Gunmen killed two {victims} in Kumba on Monday.", "2024-03-05")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (Cameroon)")], \
        [(e.sub_event_type, e.actor2) for e in events]


def test_the_african_union_mission_in_somalia_is_its_own_actor() -> None:
    """ACLED names the AU's Somalia mission (AMISOM, then ATMIS), not the African Union."""
    events = _real("Al-Shabaab fighters attacked an AMISOM base near Baidoa on Monday, the mission said.", "2024-03-05")
    assert [(e.actor1, e.actor2) for e in events] == [("al-Shabaab", "AMISOM: African Union Mission in Somalia")], \
        [(e.actor1, e.actor2) for e in events]


def test_a_road_between_two_towns_is_placed_at_the_first() -> None:
    """'between Qamishli and Amuda': the model may read the two names as one, but a place
    after 'between' is where the deed was (events.place._after_in)."""
    events = _real("Three fighters died late on Monday when a drone hit their car between Qamishli and Amuda, "
                   "local officials said.", "2024-03-05")
    assert [(e.location, e.geo_precision) for e in events] == [("Al Qamishli", 1)], \
        [(e.location, e.geo_precision) for e in events]


def test_a_nation_s_shelling_is_its_military_even_at_home() -> None:
    """'Ukrainian shelling' is the shelling of Ukraine's forces, as 'Russian shelling' is
    Russia's ('shelling' and 'bombardment' are military nouns), so the two are two events."""
    events = _real("Russian artillery hit a bakery in Kherson on Monday, killing a woman. Ukrainian shelling killed two "
                   "people in Oleshky the same day, officials installed by Moscow said.", "2024-03-05")
    assert sorted(e.actor1 for e in events) == ["Military Forces of Russia", "Military Forces of Ukraine"], \
        [(e.actor1, e.location) for e in events]


def test_a_death_toll_with_its_own_day_and_place_is_an_incident_of_its_own() -> None:
    """'On Monday night, troops killed four militants ... in the Kech district' is no
    follow-up of the bombing told before it (events.mentions._OWN_DAY, _OWN_PLACE)."""
    events = _real("A bomb hit a police van in Quetta on Tuesday, killing three officers. On Monday night, troops "
                   "killed four militants in a raid in the Kech district.", "2024-03-06")
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2024-03-04", 4), ("2024-03-05", 3)], \
        [(e.sub_event_type, e.event_date, e.fatalities) for e in events]


def test_a_wire_city_does_not_place_a_deed_told_in_a_region_of_the_country() -> None:
    """'in northwest Pakistan' places the bombing in the country, not at the dateline."""
    events = _real("PESHAWAR, Pakistan, Nov 22 (Wire) - A bomber drove a van packed with explosives into a checkpoint "
                   "in northwest Pakistan early on Tuesday, killing three officers, officials said.", "2023-11-22")
    assert [e.location for e in events] == ["Pakistan"], [e.location for e in events]


@pytest.mark.parametrize("text, kinds", [
    pytest.param("A member of the Farmers' Guard, a vigilante group that protects the fields, told reporters that "
                 "gunmen killed four herders near Dikwa on Thursday.", ["Attack"], id="vigilante-speaker"),
    pytest.param("Police made nine arrests during a National Front Party demonstration in Dudley on Saturday.",
                 ["Protest with intervention"], id="arrests-during-a-named-party-s-demonstration"),
])
def test_who_a_speaker_is_and_where_arrests_were_made_type_the_record(text: str, kinds: list[str]) -> None:
    """Rule acled.mob: a vigilante group described by what it does is a speaker, not mob
    violence; rule context.at_protest: arrests during a demonstration a four-word name
    calls are an intervention in it."""
    events = _real(text, "2024-03-05")
    assert sorted(e.sub_event_type for e in events) == kinds, [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text, dead", [
    pytest.param("Students formed a human chain in Dhaka on Wednesday demanding justice for the murdered student.",
                 0, id="grievance"),
    pytest.param("Police shot dead a student during a protest in Dhaka on Wednesday.", 1, id="killed-at-the-protest"),
])
def test_a_peaceful_protest_s_named_dead_are_its_grievance(text: str, dead: int) -> None:
    """The victim a peaceful crowd names ('justice for the murdered student') died before
    it gathered; someone killed at the protest is its toll."""
    assert [e.fatalities for e in _real(text, "2024-03-05")] == [dead]


@pytest.mark.parametrize("text, kinds", [
    pytest.param("Bandits attacked a village in Zamfara on Monday, killing 12 people.", ["Attack"], id="bandits"),
    pytest.param("Herdsmen attacked a village in Benue State on Friday night, killing 14 people.", ["Attack"],
                 id="herdsmen"),
    pytest.param("Harris attacked Biden during the debate on Tuesday, killing his momentum.", [], id="figure"),
])
def test_an_attack_that_kills_people_is_no_figure_of_speech(text: str, kinds: list[str]) -> None:
    """A count of the dead in the sentence makes 'attacked' a deed, whoever the doers are
    ('bandits', 'herdsmen'); 'killing his momentum' counts nobody."""
    assert [e.sub_event_type for e in _real(text, "2024-03-05")] == kinds


def test_youths_clashing_with_police_riot_rather_than_fight_a_battle() -> None:
    """Rule context.protest.crowd_clash: a crowd that is no armed group clashing with the
    police is a riot (Violent demonstration), not an armed clash."""
    events = _real("Dozens of youths clashed with riot police in Thessaloniki on Saturday night, throwing petrol "
                   "bombs at officers.", "2024-03-05")
    assert [e.sub_event_type for e in events] == ["Violent demonstration"], [e.sub_event_type for e in events]


@pytest.mark.parametrize("victim", ["a local councillor", "a village headman", "two elders"])
def test_local_notables_killed_by_gunmen_are_civilians(victim: str) -> None:
    """Councillors, headmen and elders are civilians (context.civilian_victims), and one of
    them shot dead is one death (victims.person.nouns)."""
    events = _real(f"Gunmen shot dead {victim} in Kirkuk on Monday evening, police said.", "2024-03-05")
    assert [(e.sub_event_type, e.actor2, e.fatalities) for e in events] == [
        ("Attack", "Civilians (Iraq)", 2 if victim.startswith("two") else 1)], \
        [(e.sub_event_type, e.actor2, e.fatalities) for e in events]


@pytest.mark.parametrize("text, kind", [
    pytest.param("Thousands of people marched through Hong Kong on Sunday; by nightfall the crowds dispersed.",
                 "Peaceful protest", id="crowd-left"),
    pytest.param("Police dispersed thousands of marchers in Hong Kong on Sunday.", "Protest with intervention",
                 id="police-dispersed-them"),
])
def test_a_crowd_that_disperses_was_not_dispersed(text: str, kind: str) -> None:
    """Rule acled.protest_intervention: 'the crowds dispersed' tells that they left; only a
    crowd someone dispersed met an intervention."""
    assert [e.sub_event_type for e in _real(text, "2024-03-05")] == [kind]


def test_a_named_armed_group_taking_a_district_is_in_scope() -> None:
    """'The Taliban captured the district of Nad Ali' has no word of war, but the armed group
    named takes ground: ACLED's 'Non-state actor overtakes territory' (events.scope)."""
    events = _real("The Taliban captured the district of Nad Ali on Monday.", "2024-03-05")
    assert [(e.sub_event_type, e.actor1) for e in events] == [("Non-state actor overtakes territory", "Taliban")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Two CRPF jawans were hurt on Monday when a landmine planted by Maoists exploded in Dantewada "
                 "district.", ("Remote explosive/landmine/IED", "Police Forces of India", "2024-03-04"), id="crpf"),
    pytest.param("Police lathicharged agitating students in Patna on Tuesday after they tried to gherao the assembly.",
                 ("Protest with intervention", "Police Forces of India", "2024-03-05"), id="agitation"),
    pytest.param("Riot police fired rubber bullets at striking teachers in Oaxaca on Monday.",
                 ("Protest with intervention", "Police Forces of Mexico", "2024-03-04"), id="striking-teachers"),
    pytest.param("A party worker was hacked to death by CPI(M) cadres in Kannur on Saturday.",
                 ("Attack", None, "2024-03-02"), id="hacked-to-death"),
])
def test_south_asian_news_idiom(text: str, expected: tuple) -> None:
    """Paramilitary forces by their names (CRPF, BSF, Rangers, RAB: the actor dictionary), an
    'agitation' or 'gherao' as a protest (context.protest), 'hacked to death' as no figure
    of speech (context.casualties), and a short name in brackets ('CPI(M)') opening no new
    clause between a deed and its day."""
    events = _real(text, "2024-03-05")
    got = [(e.sub_event_type, e.actor2 if expected[1] else None, e.event_date) for e in events]
    assert got == [expected], got


@pytest.mark.parametrize("text, place", [
    pytest.param("Members of the Gulf Clan killed two soldiers in an ambush in Antioquia on Sunday, the army said.",
                 "Antioquia", id="gulf-clan"),
    pytest.param("Fano militiamen seized the town of Weldiya on Sunday, residents said.", "Weldiya", id="fano"),
])
def test_a_place_inside_an_armed_group_s_name_is_not_where_it_acted(text: str, place: str) -> None:
    """'the Gulf Clan' is no Gulf province, 'Fano' no Italian town (events.place._group_names)."""
    assert [e.location for e in _real(text, "2024-03-05")] == [place]


def test_a_soldier_s_home_state_and_age_place_and_count_nothing() -> None:
    """'A soldier from Iowa' (rule place.from_home) is no event in Iowa, and 'Brandt, 23,
    died' counts one dead, not 23 (a number between commas after a name is an age)."""
    events = _real("A soldier from Iowa died in Afghanistan on Sunday. Spc. Tyler Brandt, 23, was killed when a "
                   "roadside bomb hit his patrol near Gardez.", "2024-03-05")
    assert [(e.location, e.fatalities) for e in events] == [("Gardez", 1)], [(e.location, e.fatalities) for e in events]


def test_police_who_investigate_a_deed_are_no_side_of_it() -> None:
    """Rule incidents.source_after.inquiry: 'Police are investigating after a union leader
    was shot dead' names the police as who looks into the deed, not as its doers."""
    events = _real("Police are investigating after a union leader was killed at his front door in Medellin on "
                   "Saturday.", "2024-03-05")
    assert [e.actor1 for e in events] == ["Unidentified Armed Group (Colombia)"], [e.actor1 for e in events]


def test_an_anniversary_counted_in_words_recalls_history() -> None:
    """Rule incidents.commemoration: 'Ten years after the bombing ...' opens an article about
    a remembrance; the bombing it names is history, not news."""
    events = _real("Ten years after the bombing that killed 29 people in Omagh, relatives gathered on Friday to lay "
                   "wreaths.", "2024-03-05")
    assert [e.sub_event_type for e in events if e.event_type == "Explosions/Remote violence"] == []


@pytest.mark.parametrize("text", [
    "Soldiers killed four gunmen in a shootout near Kaduna on Sunday and recovered two rifles and a "
    "grenade, the army said.",
    "Police arrested three members of the cell in a dawn raid in Peshawar on Sunday. Officers also "
    "confiscated a pistol and several explosive devices, a spokesman said.",
])
def test_weapons_seized_in_an_operation_are_its_yield(text: str) -> None:
    """What forces seize while they fight, raid or arrest is no disrupted weapons use of its own."""
    events = _real(text)
    assert len(events) == 1 and events[0].sub_event_type in ("Armed clash", "Arrests"), \
        [(e.sub_event_type, e.notes) for e in events]


def test_a_device_found_on_its_own_is_still_an_event() -> None:
    events = _real("A pipe bomb was found under a parked car in Omagh on Sunday and made safe by army experts.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_a_mob_cue_beside_an_armed_groups_killing_or_a_demonstration_is_no_mob() -> None:
    """'With machetes' says how rebels killed; 'angry residents' who took to the streets are the
    demonstrators: ACLED's mob violence is a crowd's, outside any demonstration."""
    rebels = _real("Suspected rebels killed nine farmers with machetes near Eringeti on Sunday, the army said.")
    assert [e.sub_event_type for e in rebels] == ["Attack"], [(e.sub_event_type, e.actor1) for e in rebels]
    crowd = _real("On Monday, angry residents marched through Butembo, burning tyres and stoning police "
                  "vehicles.")
    assert [e.sub_event_type for e in crowd] == ["Violent demonstration"], [e.sub_event_type for e in crowd]


def test_a_campaign_told_by_how_long_it_has_run_is_no_incident() -> None:
    events = _real("Gunmen killed five villagers near Beni on Sunday. Residents said the army had done little "
                   "to stop the rebels during a months-long military offensive in the region.")
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.notes) for e in events]


@pytest.mark.parametrize("text", [
    "Gunmen seized 14 pupils from a boarding school near Kankara on Monday. No one was injured during the raid, "
    "a teacher said.",
    "Warplanes bombed a market in Saraqib on Monday, killing eight people. Activists said the raid was "
    "carried out by Russian aircraft.",
])
def test_the_raid_after_an_incident_is_that_incident(text: str) -> None:
    events = _real(text)
    assert len(events) == 1, [(e.sub_event_type, e.notes) for e in events]


def test_a_year_that_bounds_a_period_does_not_date_an_undated_report() -> None:
    """With no publication date, 'a rebellion since 1969' says nothing of when the report was written."""
    article = dateline.extract("Two soldiers were killed in a clash with rebels of the New People's Army in "
                               "Samar on Saturday. The rebels have waged an insurgency since 1969.")
    clash = [e for e in article.events if e.event_type == "Battles"]
    assert clash and all(not e.event_date for e in clash), [(e.sub_event_type, e.event_date) for e in clash]


def test_doers_after_a_said_that_are_no_definite_doers_told_again() -> None:
    """'State media said that insurgents fired rockets at X': the 'that' opens what was said;
    the rockets on another town are an incident of their own, not the airstrike told again."""
    events = _real("Warplanes bombed a market in Maarat al-Numan on Monday, killing seven people. State media "
                   "said that insurgents fired rockets at Suqaylabiyah on Monday evening, wounding two.")
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Shelling/artillery/missile attack"], \
        [(e.sub_event_type, e.location) for e in events]


def test_forces_fighting_a_crowd_on_a_day_of_demonstrations_is_the_riot() -> None:
    """ACLED's armed clash needs two organised armed sides: 'running battles' after the police
    answered a march with teargas are the riot's."""
    events = _real("Hundreds of opposition supporters marched through Mbale on Monday to protest the arrest of "
                   "their leader. Anti-riot police fired teargas, and running battles lasted for most of the "
                   "afternoon.")
    assert events and all(e.event_type in ("Protests", "Riots") for e in events), \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_a_gunfight_on_a_day_of_demonstrations_stays_a_battle() -> None:
    events = _real("Protesters marched in Imphal on Monday against the killings. On Monday night, armed men opened "
                   "fire on a police post near Moirang, triggering a gunfight that lasted an hour.")
    assert "Armed clash" in [e.sub_event_type for e in events], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text", [
    "Police detained six members of the nurses' union at a hotel in Harare on Monday where they were meeting.",
    "Detectives picked up the opposition MP from his home in Kampala late on Monday.",
    "The opposition activist was bundled into an unmarked van outside the court in Lusaka on Monday.",
])
def test_arrests_of_union_members_and_mps_are_political(text: str) -> None:
    assert [e.sub_event_type for e in _real(text)] == ["Arrests"], [(e.sub_event_type, e.notes) for e in _real(text)]


def test_picking_up_children_is_no_arrest() -> None:
    assert _real("She picked up her children from the school in Kampala on Monday.") == []


def test_a_crowd_in_each_of_two_nearby_towns_is_two_events() -> None:
    """ACLED codes a demonstration per town: Omdurman across the river from Khartoum is a place of its own."""
    events = _real("Thousands of protesters marched in Khartoum on Monday. Several hundred people also "
                   "demonstrated on Monday in Omdurman, witnesses said.")
    assert sorted(e.location for e in events if e.event_type == "Protests") == ["Khartoum", "Omdurman"], \
        [(e.sub_event_type, e.location) for e in events]


def test_a_running_total_is_no_incident() -> None:
    events = _real("Riot police used tear gas on marchers in Khartoum on Monday. Monday's deaths brought to 61 "
                   "the number of marchers killed since the army took power.")
    assert events and all(e.fatalities != 61 for e in events), [(e.sub_event_type, e.fatalities) for e in events]


def test_previous_rounds_of_protest_are_background() -> None:
    """'As in previous rounds of protest': the protests recalled are history,
    not a demonstration in the towns the sentence names."""
    events = _events("Thousands marched in Khartoum on Monday. Authorities had cut the internet and blocked bridges "
                     "linking Khartoum with Omdurman and Bahri, as they had done in previous rounds of protest.")
    real = [e for e in events if e.modality in {"asserted", "claimed"}]
    assert [e.location for e in real] == ["Khartoum"], [(e.sub_event_type, e.location, e.modality) for e in events]
    assert any(e.modality == "historical" for e in events), [(e.sub_event_type, e.modality) for e in events]


def test_where_a_marcher_drove_from_is_not_where_the_march_was() -> None:
    events = _real("About 300 people gathered in front of the county courthouse in Bloomington, Indiana, on Saturday. Among the "
                   "counter-protesters was a retired nurse who drove down from Martinsville.")
    assert events and all(e.location == "Bloomington" for e in events), [(e.sub_event_type, e.location) for e in events]


def test_a_prosecutor_telling_a_killing_is_a_source_not_a_court_report() -> None:
    """Many countries' prosecutors report killings: 'the state prosecutor said' is a source,
    and a council candidate shot dead is a civilian attacked."""
    events = _real("Gunmen shot dead a council candidate in Uruapan on Thursday evening, the state prosecutor said.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (Mexico)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_the_country_of_a_dateline_is_no_side() -> None:
    """'MORELIA, Mexico —': where the story was filed, not the Mexican state acting."""
    events = _real("MORELIA, Mexico — Gunmen shot dead a council candidate in Uruapan on Thursday evening.")
    assert events and all("Military" not in e.actor1 + e.actor2 for e in events), \
        [(e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a police post in Kunduz on Monday, and the shooting lasted four hours until "
    "reinforcements arrived from the city.",
    "Bandits killed six villagers in Zurmi on Monday. The governor ordered soldiers to pursue the bandits.",
    "The army sent troops and boats to move families out of flooded villages in Cotabato on Monday.",
    "Soldiers set up additional checkpoints at markets and schools in Maiduguri on Monday.",
])
def test_troops_sent_in_an_incident_or_against_a_disaster_are_no_event_of_their_own(text: str) -> None:
    """Forces reinforced or sent after an incident answer it, and ACLED codes the incident;
    troops sent against a flood answer a disaster; checkpoints are a security measure."""
    assert [e.sub_event_type for e in _real(text) if e.event_type == "Strategic developments"] == [], \
        [(e.sub_event_type, e.notes) for e in _real(text)]


def test_troops_deployed_on_their_own_are_a_change_of_activity() -> None:
    """ACLED codes a deployment or a redeployment told on its own as a change to group/activity."""
    events = _real("The government deployed hundreds of troops to the border town of Bunagana on Monday.")
    assert [e.sub_event_type for e in events] == ["Change to group/activity"], [e.sub_event_type for e in events]


def test_fighters_defecting_is_a_change_of_the_group() -> None:
    events = _real("Dozens of rebel fighters defected to the army in Kidal on Monday, the defence ministry said.")
    assert "Change to group/activity" in [e.sub_event_type for e in events], [e.sub_event_type for e in events]


def test_a_killing_told_before_its_deed_takes_the_deeds_type() -> None:
    """'Two soldiers and a rebel were killed in a firefight': one clash, not an attack and a clash."""
    events = _real("Two soldiers and a rebel were killed in a firefight at a farm near Catarman on "
                   "Saturday morning, the military said.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 3)], \
        [(e.sub_event_type, e.notes) for e in events]


@pytest.mark.parametrize("text", [
    "Troops killed four gunmen near Palma on Monday. The group has claimed a rising number of raids in the "
    "province since last year.",
    "Troops killed four gunmen near Palma on Monday. The mission condemned attacks on its personnel.",
    "Troops killed four gunmen near Palma on Monday. Its forces had beaten back 24 assaults along the front over the "
    "previous day, the other side said.",
])
def test_deeds_counted_or_named_in_general_are_no_incident(text: str) -> None:
    events = _real(text)
    assert len(events) == 1, [(e.sub_event_type, e.notes) for e in events]


def test_the_claim_for_all_three_attacks_still_names_the_doer() -> None:
    events = _real("A suicide bomber killed two police officers in Sousse on Monday. The Islamic State group "
                   "claimed responsibility for all three attacks this week.")
    assert [e.actor1 for e in events if e.sub_event_type == "Suicide bomb"] == ["Islamic State"], \
        [(e.sub_event_type, e.actor1) for e in events]


def test_a_place_named_by_a_past_shooting_is_no_incident() -> None:
    events = _real("Some 60 neighbours gathered for a vigil on Monday evening outside the store in Portland where "
                   "the boy was shot.")
    assert [e.event_type for e in events] == ["Protests"], [(e.sub_event_type, e.notes) for e in events]


def test_the_attack_after_a_bomb_found_is_that_find() -> None:
    events = _real("A pipe bomb was found under the van of a prison officer in Lurgan on Friday and made safe by "
                   "army experts. A local councillor said the attack was reckless.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"], [(e.sub_event_type, e.notes) for e in events]


def test_forces_sent_to_detain_someone_are_no_arrest_yet() -> None:
    """'Soldiers went into the camp to detain a wanted man': a purpose, not an arrest made."""
    events = _real("Soldiers entered the camp near Tubas on Tuesday to detain a wanted man and came under fire, "
                   "the army said.")
    assert "Arrests" not in [e.sub_event_type for e in events], [(e.sub_event_type, e.modality) for e in events]


def test_bare_soldiers_are_the_forces_of_the_army_that_speaks() -> None:
    """'The Israeli army said soldiers exchanged fire with gunmen' in a camp in the West Bank: the
    soldiers are Israel's, not the forces of the country the camp lies in."""
    events = _real("The Israeli army said soldiers exchanged fire with gunmen in the camp near Tubas on Tuesday and "
                   "responded with live fire.")
    assert events and events[0].actor1 == "Military Forces of Israel", [(e.actor1, e.actor2) for e in events]


def test_what_one_side_is_asked_to_do_is_not_done() -> None:
    events = _real("Elders on Monday appealed to the two clans to give up their rifles to the police and to free "
                   "kidnapped herders.")
    assert events == [], [(e.sub_event_type, e.modality) for e in events]


def test_a_summary_of_deeds_across_a_region_is_no_incident() -> None:
    events = _real("Aid access shrank across Tillaberi region this month, with killings of civilians, abductions and "
                   "explosive incidents reported in several districts.", published="2024-06-20")
    assert events == [], [(e.sub_event_type, e.notes) for e in events]


def test_the_causes_of_harm_in_a_report_are_no_incident() -> None:
    events = _real("In Kandahar, roadside explosive devices and airstrikes remained the main causes of civilian "
                   "casualties in June, the mission said.", published="2024-07-02")
    assert events == [], [(e.sub_event_type, e.notes) for e in events]


def test_a_second_town_after_an_aside_is_a_second_event() -> None:
    """'... in Kosti, on the White Nile, and in the town of Dongola': one
    demonstration per town, past the aside between them."""
    events = _real("Hundreds of people also demonstrated on Monday in Kosti, on the White Nile, and in the "
                   "northern city of Dongola, witnesses said.")
    assert sorted(e.location for e in events) == ["Dongola", "Kosti"], [(e.sub_event_type, e.location) for e in events]


@pytest.mark.parametrize("text, doer, other", [
    ("The army said it had killed 20 militants in airstrikes near Kunduz on Monday.",
     "Military Forces of Afghanistan", "Unidentified Armed Group (Afghanistan)"),
    ("Hezbollah said in a video on Monday that it had launched several rockets at an Israeli army "
     "position in Metula.", "Hezbollah", "Military Forces of Israel"),
])
def test_a_speaker_telling_its_own_deed_is_its_doer(text: str, doer: str, other: str) -> None:
    events = _real(text)
    assert [(e.actor1, e.actor2) for e in events] == [(doer, other)], [(e.actor1, e.actor2) for e in events]


def test_a_group_telling_its_fighters_deed_claims_the_attack_just_told() -> None:
    """'The Islamic State group said its men had shot dead 20 officers' after an attack by unnamed
    gunmen claims that attack (one record, the group its doer, the reported dead kept);
    the mine that kills civilians the next day is another incident."""
    events = _real("Gunmen attacked a police post in Djibo on Monday, killing six officers. The Islamic State group said "
                   "its men had shot dead 20 police officers. On Tuesday, three traders died when their truck ran over "
                   "a landmine near Arbinda.")
    attack = [e for e in events if e.location == "Djibo"]
    assert [(e.actor1, e.fatalities) for e in attack] == [("Islamic State", 6)], \
        [(e.sub_event_type, e.location, e.actor1, e.fatalities) for e in events]
    mine = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert mine and mine[0].fatalities == 3 and mine[0].actor1 != "Islamic State"


def test_the_next_day_counts_from_the_last_deed_told_with_a_day() -> None:
    """'The next day' after a mention that says no day ('nobody was hurt in the raid') counts
    from the kidnapping of Monday, not from the publication day."""
    events = _real("Gunmen kidnapped nine pupils from a school in Bamenda on Monday. No one was injured during the "
                   "raid, a teacher said. The next day, troops and separatists clashed for hours in Kumbo.",
                   published="2024-03-14")
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clash and clash[0].event_date == "2024-03-12", [(e.sub_event_type, e.event_date) for e in events]


def test_a_riot_word_done_by_armed_men_is_their_deed() -> None:
    events = _real("Armed men stormed a college in Bamenda at dawn on Monday and marched off with nine students.")
    assert [e.event_type for e in events] == ["Violence against civilians"], [e.sub_event_type for e in events]


@pytest.mark.parametrize("text", [
    "Military aircraft struck a market in Sagaing Region on Sunday, killing seven people, residents said.",
    "Army helicopters fired on a market in Sagaing on Sunday, killing three people.",
])
def test_military_aircraft_are_the_forces_that_fly_them(text: str) -> None:
    events = _real(text)
    assert [e.actor1 for e in events] == ["Military Forces of Myanmar"], [(e.actor1, e.actor2) for e in events]


def test_this_capital_town_is_the_town_the_report_was_filed_from() -> None:
    """'CATARMAN - ... on a hillside farm of this capital town': the dateline's town, not
    the town the sentence before named."""
    events = _real("CATARMAN, Northern Samar — Soldiers from the 8th Division in Calbayog City were sent to the area "
                   "on Friday. Two of them were killed in a gun battle with rebels on a hillside farm of this "
                   "capital town at dawn on Sunday, an army spokesman said.")
    assert [e.location for e in events] == ["Catarman"], [(e.sub_event_type, e.location) for e in events]


def test_what_a_politician_says_at_a_rally_is_no_demonstration() -> None:
    assert _real("The governor hit back at a rally in Media on Friday, calling the attacks on his record a "
                 "smear.") == []


def test_reports_of_kidnapping_in_general_are_no_incident() -> None:
    assert _real("Refugees in the Teknaf camps raised concerns about armed gangs at night, including reports of "
                 "extortion and kidnapping for ransom.") == []


def test_one_more_of_the_other_side_joins_the_battles_dead() -> None:
    """'Three militants and a soldier were killed': four dead, both sides counted."""
    events = _real("Three rebels and a policeman were killed in a gun battle in Pulwama on Sunday, police said.")
    assert [e.fatalities for e in events] == [4], [(e.sub_event_type, e.fatalities) for e in events]


def test_the_day_before_a_month_is_no_count_of_the_dead() -> None:
    """'On 3 March, a shopkeeper was killed': the 3 is a day; one victim is one death."""
    events = _real("On 3 March, a shopkeeper was killed when a mine exploded beside a road near Hodeidah.")
    assert [e.fatalities for e in events] == [1], [(e.sub_event_type, e.fatalities) for e in events]


@pytest.mark.parametrize("text", [
    "Soldiers raided a farmhouse near Peshawar on Sunday and arrested seven suspected militants.",
    "Police detained nine suspected militants in a raid on a warehouse in Lahore on Monday.",
    "Riot police stormed the opposition party's offices in Lusaka on Friday and took away twenty party supporters.",
])
def test_a_raid_that_made_arrests_is_the_arrests(text: str) -> None:
    events = _real(text)
    assert [e.sub_event_type for e in events] == ["Arrests"], [(e.sub_event_type, e.actor1) for e in events]


def test_a_raid_that_killed_is_more_than_its_arrests() -> None:
    events = _real("Troops raided a hideout near Peshawar on Sunday, shooting dead two militants, and arrested "
                   "three others.")
    assert any(e.event_type == "Battles" or e.event_type == "Violence against civilians" for e in events), \
        [e.sub_event_type for e in events]


def test_forces_joined_by_and_both_do_the_deed() -> None:
    """'Soldiers and police detained ...': the police are doers beside the soldiers, not whom they detained."""
    events = _real("Soldiers and police detained five opposition activists in Kisumu on Monday.")
    assert [e.actor1 for e in events] == ["Military Forces of Kenya"] and events[0].actor2 != "Police Forces of Kenya", \
        [(e.actor1, e.actor2) for e in events]


def test_bodies_handed_over_are_no_ground_changing_hands() -> None:
    assert _real("The bodies of the fighters were handed over to their relatives in Kunduz on Monday.") == []




@pytest.mark.parametrize("text", [
    "Students marched in Kumasi on Tuesday to denounce the killing of a classmate by unknown men.",
    "Mourners marched through Kano on Friday, carrying photos of those killed in previous demonstrations.",
])
def test_a_killing_the_crowd_grieves_is_no_force_used_on_it(text: str) -> None:
    assert [e.sub_event_type for e in _real(text)] == ["Peaceful protest"], [e.sub_event_type for e in _real(text)]



@pytest.mark.parametrize("text", [
    "Firefighters found a woman dead in the charred shell of her car near Patras on Sunday.",
    "A letter signed by the gang was pinned to the door of the police station in Guayaquil on Sunday.",
    "The envoy called on the two armies to respect a humanitarian ceasefire over Eid.",
    "More than 150 teachers have been abducted in the region over the past two years, the union said.",
    "Police said the district has recorded eleven bomb blasts since March.",
])
def test_words_of_violence_that_report_no_incident(text: str) -> None:
    assert _real(text) == [], [(e.sub_event_type, e.notes) for e in _real(text)]


def test_the_deadliest_attack_in_years_is_still_one_attack() -> None:
    events = _real("Gunmen killed four policemen in Quetta on Monday, the deadliest attack in the past decade.")
    assert len(events) == 1, [e.sub_event_type for e in events]


def test_what_a_group_does_as_a_rule_is_no_incident() -> None:
    events = _real("Officials praised the local militia, a force that battles bandits alongside the army, for "
                   "its courage.")
    assert not [e for e in events if e.event_type == "Battles"], [(e.sub_event_type, e.modality) for e in events]


def test_a_strike_attributed_to_a_led_coalition_is_its_leaders() -> None:
    events = _real("The Saudi-led coalition has fought the rebels for years. On 9 March, coalition warplanes bombed "
                   "a bridge near Hodeidah, residents said.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.actor1 for e in strikes] == ["Military Forces of Saudi Arabia"], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text, doer", [
    ("On 9 March, a drone strike attributed to the US-led coalition hit a truck near Raqqa, killing two men.",
     "Military Forces of United States"),
    ("On 9 March, mortar rounds fired from Houthi-held hills landed in a market in Taizz, killing three people.",
     "Houthis"),
    ("On 9 March, strikes that witnesses attributed to Government of Syria troops hit a bakery in Maarat al-Numan, killing "
     "five people.", "Military Forces of Syria"),
])
def test_who_a_strike_is_attributed_to_or_fired_from_is_its_doer(text: str, doer: str) -> None:
    assert [e.actor1 for e in _real(text)] == [doer], [(e.sub_event_type, e.actor1) for e in _real(text)]


def test_a_longer_name_ending_in_a_known_one_is_another_group() -> None:
    """'the Free Aceh National Liberation Army' is not Colombia's National Liberation Army."""
    events = _real("Two surveyors were abducted by the Free Aceh National Liberation Army near Bireuen on Monday.")
    assert [e.actor1 for e in events] == ["Free Aceh National Liberation Army"], [e.actor1 for e in events]


def test_the_victim_after_a_killing_word_is_not_its_doer() -> None:
    events = _real("Flowers from relatives of murdered policeman John Smith reached the church in Leeds on Monday.")
    assert all(e.actor1 != "Police Forces of United Kingdom" for e in events), [(e.actor1, e.actor2) for e in events]


def test_martyred_policemen_are_dead() -> None:
    events = _real("Four policemen were martyred when a bomb went off beside their van in Bannu on Monday.")
    assert [(e.fatalities, e.actor2) for e in events] == [(4, "Police Forces of Pakistan")], \
        [(e.sub_event_type, e.fatalities, e.actor2) for e in events]


def test_a_group_defined_with_its_short_form_is_named_by_either() -> None:
    """'the Front for the Liberation of Ogaden Hills (FLOH)' is a group the dictionary lacks:
    the article's own definition names it, and the short form after it."""
    events = _real("Soldiers clashed with fighters of the Front for the Liberation of Ogaden Hills (FLOH) near "
                   "Degehabur on Monday. The FLOH said on Tuesday that it had lost two men.")
    clash = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clash and "FLOH" in (clash[0].actor1, clash[0].actor2), \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text", [
    "The Border Security Force (BSF) said on Monday that two men were arrested in Malda.",
    "The Office for the Coordination of Humanitarian Affairs (OCHA) said on Monday that aid had resumed.",
])
def test_a_state_force_or_an_office_defined_so_is_no_armed_group(text: str) -> None:
    from dateline.events import actors
    assert not [a for a in actors.find(text) if a.inter == "Rebel group"], [a.name for a in actors.find(text)]


def test_a_capital_named_as_an_ally_is_no_place() -> None:
    events = _real("On Monday, jihadists overran positions held by a militia allied with Niamey and seized the "
                   "village of Tillia, residents said.")
    assert [e.location for e in events] == ["Tillia"], [(e.sub_event_type, e.location) for e in events]


def test_positions_held_by_a_group_are_its_and_a_missile_fired_by_one_is_its_deed() -> None:
    held = _real("On Monday, jihadists overran positions held by the Imghad Self-Defence Group near Tillia.")
    assert held and held[0].actor1 != "Imghad Self-Defence Group", [(e.actor1, e.actor2) for e in held]
    fired = _real("On Monday, a missile fired by the Houthis landed on a market in Marib, wounding four people.")
    assert [e.actor1 for e in fired] == ["Houthis"], [(e.actor1, e.actor2) for e in fired]


def test_a_country_across_the_border_is_no_side() -> None:
    events = _real("Rebels have seized Kidal, a town near the border with Algeria, officials said on Monday.")
    assert all("Algeria" not in (e.actor1 + e.actor2) for e in events), [(e.actor1, e.actor2) for e in events]


def test_rocket_propelled_grenades_fired_beside_rifles_are_the_fight() -> None:
    """RPGs are a fighter's weapon: fired with rifles in an assault they are its Armed clash,
    and the sentence that tells them adds its town to the attack told before."""
    events = _real("Rebels attacked an army camp in Lanao del Sur at first light on Monday, leaving a soldier dead. "
                   "Some 40 fighters fired rifles and rocket-propelled grenades towards that camp in Butig town, "
                   "a military spokesman said.")
    assert [(e.sub_event_type, e.location) for e in events] == [("Armed clash", "Butig")], \
        [(e.sub_event_type, e.location) for e in events]




@pytest.mark.parametrize("text, dead", [
    ("A suicide attacker rammed a van into a checkpoint in Bannu on Monday, killing three policemen and a "
     "shopkeeper.", 4),
    ("A drone strike hit a farmhouse near Hodeidah on Monday, killing a farmer and his three daughters.", 4),
    ("A shell hit a school near Hodeidah on Monday, killing a teacher and three of her pupils.", 4),
])
def test_victims_joined_by_and_are_all_dead(text: str, dead: int) -> None:
    assert [e.fatalities for e in _real(text)] == [dead], [(e.sub_event_type, e.fatalities) for e in _real(text)]


def test_an_ordinal_is_no_count_of_the_dead() -> None:
    events = _real("Private Tom Hale, 21, of the 3rd Battalion, died on Monday when his patrol came under fire "
                   "near Sangin, the army said.")
    assert all(e.fatalities != 3 for e in events), [(e.sub_event_type, e.fatalities) for e in events]


def test_a_peaceful_protest_has_no_dead_of_its_own() -> None:
    events = _real("Police shot dead two marchers in Khartoum on Monday. Crowds also marched in Kassala on Monday, "
                   "chanting against the army.")
    peaceful = [e for e in events if e.sub_event_type == "Peaceful protest"]
    assert peaceful and all(e.fatalities == 0 for e in peaceful), [(e.sub_event_type, e.fatalities) for e in events]


def test_a_key_point_bullet_sums_up_the_incident_the_body_tells() -> None:
    """'- Clashes go on along the highway linking X and Y' in a report's key points is the
    ambush the body tells, not a fight of its own on the report's day."""
    text = ("Update: north-west region\n\nKEY POINTS\n- Air strike reportedly kills villagers at a school in Pale "
            "Township\n- Clashes go on along the highway linking Monywa and Kalay\n\nOVERVIEW\nClashes went on "
            "across Sagaing Region. On 2 March, a military aircraft struck a school compound in a village west of "
            "Monywa, killing seven people. On 4 March, a resistance unit ambushed an army column outside Kalay.")
    events = _real(text)
    assert sorted(e.event_date for e in events) == ["2024-03-02", "2024-03-04"], \
        [(e.sub_event_type, e.event_date, e.location) for e in events]



def test_force_used_on_a_crowd_is_the_states_police_when_unnamed() -> None:
    events = _real("Eleven marchers were arrested as rival crowds staged demonstrations in Leeds city centre on "
                   "Saturday.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Protest with intervention",
                                                               "Police Forces of United Kingdom")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_a_military_vehicle_that_hit_a_mine_carried_the_victims() -> None:
    events = _real("On Monday, an army truck ran over a landmine near Mopti, wounding four soldiers.")
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Mali)", "Military Forces of Mali")], \
        [(e.actor1, e.actor2) for e in events]


def test_two_deeds_of_one_next_day_sentence_count_from_the_same_day() -> None:
    events = _real("Militants attacked an army post in Douentza on Sunday, killing six soldiers. The next day, an "
                   "army convoy carrying reinforcements to Djenne ran over a landmine outside Sevare, killing two.")
    mine = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert [e.event_date for e in mine] == ["2024-03-11"], [(e.sub_event_type, e.event_date) for e in events]



def test_a_palace_named_for_no_town_places_nothing_and_across_town_is_another_crowd() -> None:
    events = _real("Opposition marchers clashed with police in Quito on Monday. Across town, thousands of government "
                   "supporters marched peacefully to the Carondelet presidential palace on Monday.")
    assert len(events) == 2 and {e.location for e in events} == {"Quito"}, \
        [(e.sub_event_type, e.location, e.country) for e in events]


def test_a_party_militia_that_beat_people_to_death_attacked_civilians() -> None:
    events = _real("The opposition said two of its organisers were beaten to death by KANU-Y militia at a market "
                   "in Kericho on Monday night.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events] == [
        ("Attack", "KANU-Y Militia", "Civilians (Kenya)")], [(e.sub_event_type, e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text", ["Iran-backed militias fired rockets at the base.",
                                  "The Afghan militias said they would fight.",
                                  "Elders of the Karo militia Ndoki Tana met officials."])
def test_a_militia_named_only_by_whom_it_serves_or_its_people_is_no_named_militia(text: str) -> None:
    from dateline.events import actors
    assert not [a for a in actors.find(text) if a.name.endswith(" Militia")], [a.name for a in actors.find(text)]


def test_beating_activists_is_an_attack_on_civilians() -> None:
    events = _real("Members of the ruling party's youth wing beat three opposition activists in Gitega on Sunday, a "
                   "rights group said.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Attack", "Civilians (Burundi)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_a_team_that_beat_another_did_no_violence() -> None:
    assert _real("The home side beat the visitors 3-1 in Gitega on Sunday.") == []


def test_two_nations_joined_before_one_force_are_the_two_sides() -> None:
    events = _real("Uzbek and Kyrgyz border guards exchanged fire near Osh on Sunday, leaving two dead.")
    assert [{e.actor1, e.actor2} for e in events] == [{"Military Forces of Uzbekistan", "Military Forces of Kyrgyzstan"}], \
        [(e.actor1, e.actor2) for e in events]


def test_a_death_a_crowd_rises_over_is_not_its_own() -> None:
    events = _real("Rioters torched the district commissioner's office in Kasese on Tuesday after a trader died in "
                   "police custody.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Violent demonstration", 0)], \
        [(e.sub_event_type, e.fatalities) for e in events]


def test_the_wounded_of_a_grenade_at_a_bar_are_civilians() -> None:
    events = _real("Unknown attackers lobbed a grenade at a nightclub in Gitega on Saturday night, wounding seven people.")
    assert [e.actor2 for e in events] == ["Civilians (Burundi)"], [(e.actor1, e.actor2) for e in events]




def test_a_blame_names_the_blast_it_is_about() -> None:
    """A blame sentence naming 'the depot blast' goes to the explosion even when a word
    on a militia that 'fights the insurgents beside the army' comes in between."""
    events = _real("Two suicide bombers blew themselves up at a bus depot in Gwoza on Thursday. Eleven people, "
                   "including the two bombers, died, an official said. A leader of a vigilante group that fights "
                   "the insurgents beside the army gave a higher figure. Nobody has owned up to the depot blast, but police "
                   "blamed Boko Haram.")
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in events] == [("Suicide bomb", "Boko Haram", 11)], \
        [(e.sub_event_type, e.actor1, e.fatalities) for e in events]



def test_the_mine_laid_by_a_group_is_its_attack() -> None:
    events = _real("A shepherd was killed when a landmine exploded near Hays in Yemen on Tuesday. Elders said the "
                   "mines in the valley had been laid by Houthi fighters, who held it until spring.")
    assert [(e.actor1, e.actor2, e.fatalities) for e in events] == [("Houthis", "Civilians (Yemen)", 1)], \
        [(e.actor1, e.actor2, e.fatalities) for e in events]


def test_separatists_named_by_their_people_and_then_bare() -> None:
    events = _real("Abkhaz separatists fired mortars at a Georgian police post near Zugdidi on Monday, wounding two "
                   "officers. On Tuesday, separatists shelled the village of Ganmukhuri.")
    assert [e.actor1 for e in events] == ["Abkhaz Separatists", "Abkhaz Separatists"], \
        [(e.actor1, e.actor2) for e in events]
    assert _real("Armed separatists kidnapped two teachers near Kumbo, Cameroon, on Monday.")[0].actor1 == \
        "Unidentified Armed Group (Cameroon)"


def test_a_sentence_that_only_retells_a_strike_gives_its_day() -> None:
    events = _real("Warplanes bombed a hamlet in Magway region, killing seven villagers, an opposition "
                   "spokesman said. The strike hit the hamlet on Saturday evening as families ate, "
                   "he said.")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Air/drone strike", "2024-03-09")], \
        [(e.sub_event_type, e.event_date) for e in events]
    assert [s.text for s in events[0].evidence["event_date"]] == ["Saturday evening"]


def test_a_walkout_that_hit_production_is_no_strike_told_again() -> None:
    assert _real("Dockers walked out at the port of Mombasa over unpaid wages. The strike hit exports of tea "
                 "for a second day.") == []


def test_an_undated_incident_takes_the_story_day() -> None:
    """The report dates its story (Sunday) and tells a second crowd with no day of its own:
    that crowd marched the same day, not on the day of the report."""
    events = _real("Police fired tear gas at marchers heading for parliament in Kampala on Sunday. In Gulu, "
                   "several hundred people rallied in a stadium and dispersed peacefully.")
    assert [(e.location, e.event_date) for e in events] == [("Kampala", "2024-03-10"), ("Gulu", "2024-03-10")], \
        [(e.location, e.event_date) for e in events]
    assert [s.text for s in events[1].evidence["event_date"]] == ["Sunday"]


def test_the_day_of_a_speech_is_not_the_day_of_what_it_retells() -> None:
    events = _real("Thousands of people marched in Mombasa against new fuel taxes, organisers said. In a radio "
                   "address on Friday, the governor said the protests would not change his mind.")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Peaceful protest", PUBLISHED)], \
        [(e.sub_event_type, e.event_date) for e in events]


def test_the_doer_is_not_read_across_a_semicolon() -> None:
    events = _real("The mayor said patrols were stepped up to defeat Ansaru remnants; a mortar attack hit the "
                   "market in Kaduna on Friday, wounding six traders.")
    assert [(e.actor1, e.actor2) for e in events] == [("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")], \
        [(e.actor1, e.actor2) for e in events]


def test_force_on_a_violent_crowd_is_the_riots_other_side() -> None:
    events = _real("On Friday, hundreds of youths took to the streets of Butembo, blocking the main road with "
                   "blazing tyres and pelting passing cars with rocks. The police answered with tear gas and bullets "
                   "to scatter the crowd; one protester was shot dead, a local official said.")
    assert [(e.sub_event_type, e.actor2, e.fatalities) for e in events] == [
        ("Violent demonstration", "Police Forces of Democratic Republic of Congo", 1)], \
        [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events]


def test_a_mob_that_burned_homes_turned_on_civilians() -> None:
    events = _real("Late on Saturday, a mob of about two hundred men set fire to a dozen homes in a hamlet near "
                   "Bishnupur, police said.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Mob violence", "Civilians (India)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in events]


def test_an_unplaced_incident_takes_the_lead_town() -> None:
    """The lead places the story in one town; a later incident that names no place of its
    own (not even in the sentences before) happened there, not somewhere in the country."""
    events = _real("A car bomb went off outside the main police post in Baidoa on Sunday, killing four "
                   "officers, officials said. The explosion shattered windows across the market. Shopkeepers "
                   "counted their losses on Monday. Residents said the police later detained five men suspected of "
                   "planning the bombing.")
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Remote explosive/landmine/IED", "Baidoa"), ("Arrests", "Baidoa")], \
        [(e.sub_event_type, e.location) for e in events]


def test_tamil_separatists_are_the_ltte() -> None:
    events = _real("Tamil separatists ambushed an army patrol near Vavuniya on Monday, killing three soldiers.")
    assert [e.actor1 for e in events] == ["LTTE"], [(e.actor1, e.actor2) for e in events]


def test_a_named_site_joined_to_the_town_is_a_place_of_its_own() -> None:
    """'... a refinery at Ras Tanura and the Qarnain oil field': the oil field is struck too,
    and the gazetteer does not know it, so its event is placed at the country."""
    events = _real("Drones struck a refinery at Ras Tanura and the Qarnain oil field before dawn on Saturday, "
                   "Saudi Arabia's energy ministry said.", "2019-09-15")
    assert sorted((e.location, e.geo_precision) for e in events) == [("Ras Tanura", 1), ("Saudi Arabia", 3)], \
        [(e.location, e.geo_precision) for e in events]
    site = next(e for e in events if e.location == "Saudi Arabia")
    assert [s.text for s in site.evidence["location"]] == ["Qarnain"]


def test_a_court_report_of_last_weeks_mass_shooting_tells_the_shooting() -> None:
    """'charged with one count of murder over a mass shooting in X on Friday that killed 9':
    the charge is no deed, the shooting of the week before, with its day and dead, is."""
    events = _real("A 31-year-old man appeared in Hamilton District Court, New Zealand, on Monday, charged with one "
                   "count of murder over a mass shooting at a night market in Hamilton on Friday that killed nine "
                   "people.")
    assert [(e.sub_event_type, e.event_date, e.fatalities, e.actor2) for e in events] == [
        ("Attack", "2024-03-08", 9, "Civilians (New Zealand)")], \
        [(e.sub_event_type, e.event_date, e.fatalities, e.actor1, e.actor2) for e in events]


def test_a_court_report_of_an_old_killing_tells_no_incident() -> None:
    assert _real("A man appeared in Hamilton District Court on Monday charged with two counts of murder over the "
                 "killing of a couple at their farm in 2019.") == []


def test_a_nations_air_base_is_its_military() -> None:
    events = _real("Rockets struck a Jordanian air base hosting French aircraft near Mafraq on Monday, causing no "
                   "casualties, officials said.")
    assert [e.actor2 for e in events] == ["Military Forces of Jordan"], [(e.actor1, e.actor2) for e in events]


def test_a_site_placed_by_distance_and_bearing_from_a_town() -> None:
    """'... and the Qarnain oil field. The field lies about 111 km north of Ras Tanura': the
    site's event is placed at that point, near the town (precision 2), under the site's name."""
    events = _real("Drones struck a refinery at Ras Tanura and the Qarnain oil field before dawn on Saturday, "
                   "Saudi Arabia's energy ministry said. The field lies about 111 km north of Ras Tanura.",
                   "2019-09-15")
    site = next(e for e in events if e.location == "Qarnain")
    town = next(e for e in events if e.location == "Ras Tanura")
    assert site.geo_precision == 2 and abs(site.latitude - town.latitude - 1.0) < 0.01
    assert abs(site.longitude - town.longitude) < 0.01
    assert [s.text for s in site.evidence["latitude"]] == ["111 km north of Ras Tanura"]


@pytest.mark.parametrize("text, sub_event", [
    pytest.param("The rebels handed over the town of Kalehe to the army on Friday, officials said.",
                 "Non-violent transfer of territory", id="a_town_handed_over_is_ground_changing_hands"),
    pytest.param("Rebels attacked an army post in Kalehe on Sunday night, killing three soldiers. The rebels "
                 "withdrew before dawn when more troops came, the army said.",
                 "Armed clash", id="attackers_withdrawing_after_their_attack_end_it"),
    pytest.param("Some 300 teachers rallied outside the education office in Kisumu on Monday; the gathering "
                 "broke up at noon without incident.",
                 "Peaceful protest", id="a_rally_that_broke_up_by_itself_met_no_force"),
    pytest.param("During the search, groups of young men gathered nearby and hurled stones at the troops in "
                 "Sopore on Sunday.",
                 "Violent demonstration", id="stones_thrown_by_youths_at_forces_are_a_violent_demonstration"),
    pytest.param("Two rebels and a policeman died in a firefight near Kupwara on Sunday, officials said. The "
                 "search of the forest went on into the night. Later the bodies of the two rebels were found "
                 "along with a rifle and grenades.",
                 "Armed clash", id="weapons_found_with_the_dead_are_the_battles_yield"),
    pytest.param("On 9 March, a military aircraft reportedly bombed a school in a village near Monywa.",
                 "Air/drone strike", id="an_aircraft_that_reportedly_struck_is_an_air_strike"),
    pytest.param("In Grodno, a few thousand residents gathered for a rally on Sunday before dispersing.",
                 "Peaceful protest", id="a_crowd_that_rallied_before_dispersing_met_no_force"),
    pytest.param("On 9 March, a helicopter flown for the army by a private company fired on suspected rebels "
                 "near Palma, officials said.",
                 "Air/drone strike", id="a_helicopter_that_fired_on_fighters_is_an_air_strike"),
    pytest.param("Army bomb experts made safe a viable device left near a sports ground in Omagh on Tuesday.",
                 "Disrupted weapons use", id="a_device_made_safe_is_disrupted"),
    pytest.param("Two feuding clans exchanged gunfire in a village near Pikit on Saturday, leaving three dead.",
                 "Armed clash", id="gunfire_exchanged_is_a_clash"),
    pytest.param("A suicide bomber struck a wedding hall in Gwoza on Friday, killing six guests.",
                 "Suicide bomb", id="a_suicide_bomber_who_struck_is_no_aircraft"),
])
def test_a_deed_told_so_is_of_its_type(text: str, sub_event: str) -> None:
    """One sentence or report, one incident of the type it tells: a town handed over, an
    attack its doers withdrew from, a rally that broke up by itself, youths' stones at
    troops, weapons found with a battle's dead, an aircraft or helicopter that fired, a
    device made safe, clans that exchanged gunfire, a suicide bomber who struck."""
    events = _real(text)
    assert [e.sub_event_type for e in events] == [sub_event], [e.sub_event_type for e in events]
