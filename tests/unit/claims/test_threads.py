"""One key, several incidents: a figure joins the claim of its key stated near it in time or
sharing its article's distinctive names; an unrelated incident of the same kind, place and
measure opens a claim of its own."""

from services.claims.identity import claim_id, claim_key
from services.claims.threads import MIN_SHARED, fold, stored_key

BALASORE = {"balasore": 4.3, "coromandel": 6.5, "odisha": 5.3, "vaishnaw": 6.0}
AIR_INDIA = {"ahmedabad": 4.9, "dreamliner": 3.9, "vishwash": 4.6}


def run(figures):
    """Every figure through `fold` over one store, as the claims agent and `process` do."""
    states, out = {}, []
    for f in figures:
        f = f.model_copy(update={"claim_key": claim_key(f)})
        key, state, event = fold(states.get, f)
        if state is not None:
            states[key] = state
        out.append((key, event))
    return states, out


def crash(figure, value, url, published, names):
    return figure(value, url=url, counted="people", event="killed", qualifier="exact", place="IN",
                  incident="accident", claimant="officials", published=published).model_copy(
        update={"names": names})


def test_two_crashes_two_years_apart_are_two_claims(figure):
    states, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 241, "https://b.example/2", "2025-06-13T10:00:00+00:00", AIR_INDIA),
    ])
    (first_key, first), (second_key, second) = out
    assert second_key == stored_key(first_key, 1) == f"{first_key}#1"
    assert first.claim_id == claim_id(first_key) and second.claim_id == claim_id(second_key)
    assert first.claim_id != second.claim_id
    assert (first.type, second.type) == ("claim.new", "claim.new")
    assert first.names == ["coromandel", "vaishnaw", "odisha", "balasore"]  # heaviest first
    assert second.names == ["ahmedabad", "vishwash", "dreamliner"]
    assert len(states) == 2


def test_a_later_figure_joins_its_own_incident_by_names(figure):
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 241, "https://b.example/2", "2025-06-13T10:00:00+00:00", AIR_INDIA),
        crash(figure, 296, "https://c.example/3", "2025-09-01T10:00:00+00:00",
              {"balasore": 4.3, "coromandel": 6.5, "bahanaga": 5.0}),
    ])
    assert out[2][0] == out[0][0]
    assert out[2][1].change == "value_changed" and out[2][1].previous.value == 288


def test_within_one_news_cycle_no_names_are_needed(figure):
    _, out = run([
        crash(figure, 233, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 288, "https://b.example/2", "2023-06-05T10:00:00+00:00", {}),
    ])
    assert out[1][0] == out[0][0] and out[1][1].version == 2


def test_the_further_apart_the_more_names_are_needed(figure):
    lusaka = {"lusaka": 7.0}
    _, out = run([
        crash(figure, 233, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE | lusaka),
        crash(figure, 288, "https://b.example/2", "2023-06-17T10:00:00+00:00", lusaka),  # 14 days
        crash(figure, 290, "https://c.example/3", "2023-07-04T10:00:00+00:00", AIR_INDIA),  # 17 days on
    ])
    assert out[1][0] == out[0][0] and out[1][1].change == "value_changed"
    assert out[2][0] == f"{out[0][0]}#1" and out[2][1].type == "claim.new"


def test_names_below_the_threshold_do_not_join_across_years(figure):
    few = {"vaishnaw": MIN_SHARED - 2.5}  # one shared name, a minister in office at both times
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 3, "https://b.example/2", "2024-06-17T10:00:00+00:00", {**AIR_INDIA, **few}),
    ])
    assert out[1][0] != out[0][0] and out[1][1].type == "claim.new"


def test_an_undated_figure_joins_the_key_s_claim(figure):
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 288, "https://b.example/2", None, {}),
    ])
    assert out[1][0] == out[0][0] and out[1][1].change == "corroborated"


def test_a_brief_that_names_nothing_joins_the_nearest_claim_however_late(figure):
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 288, "https://b.example/2", "2023-09-03T10:00:00+00:00", {}),  # 'KYIV — At least ...'
        crash(figure, 241, "https://c.example/3", "2025-06-13T10:00:00+00:00", {"dreamliner": 4.5}),
    ])
    assert out[1][0] == out[0][0] and out[1][1].change == "corroborated"
    assert out[2][0] == f"{out[0][0]}#1"  # one rare name already tells, and it is not shared


def test_a_population_a_proper_name_defines_is_one_claim_whatever_the_names(figure):
    """'Chinese nationals fighting for Russia' (place `*`): one article names villages, the next,
    sixteen days later, ministers; still one claim."""
    _, out = run([
        figure(163, url="https://a.example/1", published="2025-04-11T16:00:00+00:00", place=None)
        .model_copy(update={"names": {"tarasivka": 6.0, "rosstat": 6.0}}),
        figure(155, url="https://b.example/2", published="2025-04-27T00:00:00+00:00", place=None)
        .model_copy(update={"names": {"zelenskyy": 10.2, "putin": 3.9}}),
    ])
    assert "|*|" in out[0][0] and out[1][0] == out[0][0] and out[1][1].version == 2


def test_one_gang_s_attacks_on_two_companies_months_apart_are_two_claims(figure):
    # both articles name the ransomware gang heavily; neither names the other's company
    casino = {"bellwood": 8.7, "ransomcrew": 6.0, "lockfang": 5.0, "vegas": 3.3}
    insurer = {"medivance": 6.6, "ransomcrew": 6.0, "lockfang": 5.0, "minnetonka": 3.7}

    def paid(value, url, published, names):  # what the attack cost, a sum of the incident's own
        return figure(value, url=url, counted="losses", event="other", qualifier="exact", place="US",
                      incident="breach", claimant="the company", published=published, unit="currency",
                      measure="loss").model_copy(update={"names": names, "currency": "USD"})

    _, out = run([paid(15_000_000, "https://a.example/1", "2023-09-14T10:00:00+00:00", casino),
                  paid(22_000_000, "https://b.example/2", "2024-04-22T10:00:00+00:00", insurer)])
    assert out[1][0] == stored_key(out[0][0], 1)
    assert out[1][1].type == "claim.new"
    # the same company's later article, which also names the gang, joins its claim
    _, out = run([paid(15_000_000, "https://a.example/1", "2023-09-14T10:00:00+00:00", casino),
                  paid(15_000_000, "https://c.example/3", "2024-02-01T10:00:00+00:00",
                       {"bellwood": 8.0, "ransomcrew": 6.0, "lockfang": 5.0})])
    assert out[1][0] == out[0][0]


def test_inside_a_claim_stated_over_months_an_article_far_from_both_ends_needs_names(figure):
    first = crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE)
    last = crash(figure, 296, "https://c.example/3", "2024-06-01T10:00:00+00:00", BALASORE)
    middle = crash(figure, 60, "https://b.example/2", "2023-12-01T10:00:00+00:00", AIR_INDIA)
    _, out = run([first, last, middle])
    assert out[1][0] == out[0][0]  # the same crash a year on, by its names
    assert out[2][0] == stored_key(out[0][0], 1)  # another crash, half a year from either end


def test_a_value_in_passing_without_its_article_s_current_value_joins_no_old_incident(figure):
    """'The figure is up from more than 800 dead': a 2025 article that also recalls the 2023
    crash by name states its own toll under another key; alone, its earlier value cannot
    tell which crash it was of, so it joins only a claim of the same news cycle."""
    recalled = {**AIR_INDIA, **BALASORE}
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 200, "https://b.example/2", "2025-06-13T10:00:00+00:00", recalled).model_copy(
            update={"stated_as": "earlier"}),
    ])
    assert out[1][0] != out[0][0] and out[1][1] is None  # opened nothing, joined nothing
    _, out = run([
        crash(figure, 241, "https://b.example/1", "2025-06-12T10:00:00+00:00", AIR_INDIA),
        crash(figure, 200, "https://b.example/2", "2025-06-13T10:00:00+00:00", recalled).model_copy(
            update={"stated_as": "earlier"}),
    ])
    assert out[1][0] == out[0][0] and out[1][1].change == "earlier_value"


def test_a_figure_joins_the_claim_its_own_article_is_in(figure):
    """A revision of an article, or a second figure of one key in it, is the same incident
    whatever its names: one key in one article is one fact."""
    _, out = run([
        crash(figure, 288, "https://a.example/1", "2023-06-03T10:00:00+00:00", BALASORE),
        crash(figure, 241, "https://b.example/2", "2025-06-13T10:00:00+00:00", AIR_INDIA),
        crash(figure, 242, "https://b.example/2", "2025-06-13T12:00:00+00:00", BALASORE),
    ])
    assert out[2][0] == out[1][0] != out[0][0]


def test_a_later_count_far_below_a_toll_is_another_count_not_a_revision(figure):
    """A town's toll (the sentence did not place it) beside the country's: a count that only
    grows does not fall to a quarter of what the claim said; a rise from it is a rise."""
    def flood(value, url, published, event="killed"):
        return figure(value, url=url, counted="people", event=event, qualifier="exact", place="PT",
                      incident="storm", claimant="officials", published=published)

    _, out = run([
        flood(180, "https://a.example/1", "2024-11-02T10:00:00+00:00"),
        flood(3, "https://b.example/2", "2024-11-03T10:00:00+00:00"),
        flood(5, "https://c.example/3", "2024-11-04T10:00:00+00:00"),
        flood(186, "https://d.example/4", "2024-11-05T10:00:00+00:00"),
    ])
    whole, town, town_later, revised = (key for key, _ in out)
    assert town == f"{whole}#1" and town_later == town  # the part opens its own claim, and keeps it
    assert revised == whole and out[3][1].previous.value == 180
    # a count stated earlier than the claim's value is where a rise started: it joins
    _, out = run([flood(180, "https://a.example/1", "2024-11-02T10:00:00+00:00"),
                  flood(3, "https://b.example/2", "2024-10-30T10:00:00+00:00")])
    assert out[1][0] == out[0][0]
    # a count of a state that passes falls as far as it likes: people missing are found
    _, out = run([flood(200, "https://a.example/1", "2024-11-02T10:00:00+00:00", event="missing"),
                  flood(12, "https://b.example/2", "2024-11-09T10:00:00+00:00", event="missing")])
    assert out[1][0] == out[0][0] and out[1][1].change == "value_changed"


def test_a_count_far_below_a_toll_keeps_apart_in_either_order_of_arrival(figure):
    """Which figures share a claim follows their publication, not the order they arrive in
    (across partitions the two differ): the town's 3, published a day after the country's 180
    but read first, still does not take the 180, and the 186 still revises the 180."""
    def flood(value, url, published):
        return figure(value, url=url, counted="people", event="killed", qualifier="exact", place="PT",
                      incident="storm", claimant="officials", published=published)

    country = flood(180, "https://a.example/1", "2024-11-02T10:00:00+00:00")
    town = flood(3, "https://b.example/2", "2024-11-03T10:00:00+00:00")
    revised = flood(186, "https://d.example/4", "2024-11-05T10:00:00+00:00")
    in_order, late = (run(figures)[1] for figures in ([country, town, revised], [town, country, revised]))
    assert in_order[1][0] != in_order[0][0] == in_order[2][0]
    town_key, country_key, revised_key = (key for key, _ in late)
    assert country_key != town_key and revised_key == country_key
    assert late[1][1].type == "claim.new" and late[2][1].previous.value == 180


def test_a_toll_is_near_no_zero_and_value_chooses_only_within_a_news_cycle(figure):
    """'No deaths were reported' in a town is near no toll: the country's 186 revises its 180.
    Two years on, a toll joins the nearer incident in time, whatever its value."""
    def toll(value, url, published, names=None):
        return figure(value, url=url, counted="people", event="killed", qualifier="exact", place="PT",
                      incident="storm", claimant="officials", published=published).model_copy(
            update={"names": names or {}})

    _, out = run([toll(180, "https://a.example/1", "2024-11-02T10:00:00+00:00"),
                  toll(0, "https://b.example/2", "2024-11-03T10:00:00+00:00"),
                  toll(186, "https://c.example/3", "2024-11-04T10:00:00+00:00")])
    assert out[1][0] != out[0][0] and out[2][0] == out[0][0] and out[2][1].previous.value == 180
    _, out = run([toll(288, "https://a.example/1", "2023-06-03T10:00:00+00:00"),
                  toll(50, "https://b.example/2", "2025-06-12T10:00:00+00:00"),
                  toll(275, "https://c.example/3", "2025-06-13T10:00:00+00:00")])
    assert out[1][0] != out[0][0] and out[2][0] == out[1][0]


def test_two_tolls_of_one_time_or_undated_keep_apart_either_way(figure):
    def toll(value, url, published):
        return figure(value, url=url, counted="people", event="killed", qualifier="exact", place="PT",
                      incident="storm", claimant="officials", published=published)

    for published in ("2024-11-02T10:00:00+00:00", None):
        for values in ((180, 3), (3, 180)):
            _, out = run([toll(v, f"https://{n}.example/1", published) for n, v in enumerate(values)])
            assert out[1][0] != out[0][0], (published, values)
