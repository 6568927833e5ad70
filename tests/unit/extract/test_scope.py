import pytest

from services.extract.scope import find_scopes

CASES = [
    ("signed up in 2023", "2023", "year"),
    ("in the first five months of 2024", "2024-01/2024-05", "first n months"),
    ("since the beginning of 2025 more than", "2025-01/", "since beginning of year"),
    ("since June 2023", "2023-06/", "since month"),
    ("between June 2023 and May 2024", "2023-06/2024-05", "between months"),
    ("between June 2023 and - May 2024", "2023-06/2024-05", "between with stray dash"),
    ("from June 2023 to May 2024", "2023-06/2024-05", "from to"),
    ("recorded in July 2023", "2023-07", "month year"),
    ("in spring 2024", "2024-spring", "season"),
    ("in the first half of 2026", "2026-01/2026-06", "first half"),
    ("in Q3 2025", "2025-07/2025-09", "quarter"),
    ("a shortfall this year", "2025", "this year, relative to publication"),
    ("in 2021, a quake", "2021", "year before comma"),
    ("cut 1,200 jobs by the end of 2025", "/2025", "by the end of"),
    ("since the outbreak began in July 2024", "2024-07/", "since an event began"),
    ("the whole of 2022 saw 281 deaths", "2022", "the whole of a year"),
]


@pytest.mark.parametrize(("text", "scope"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_scopes(text, scope):
    assert [s.value for s in find_scopes(text, published_year=2025)] == [scope]


def test_relative_scope_needs_publication_year():
    assert find_scopes("a shortfall this year", published_year=None) == []


def test_plain_dates_are_not_scopes():
    assert find_scopes("said on April 11 that") == []


def test_a_bare_month_after_a_comma_is_no_day_of_it():
    found = find_scopes("In August, 342 people died.", published_year=2025, published_month=10)
    assert [s.value for s in found] == ["2025-08"]
    assert find_scopes("on August 3, 342 people", published_year=2025) == []
