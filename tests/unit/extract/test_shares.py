import pytest

from services.extract.batch import shares


@pytest.mark.parametrize(
    ("items", "parts", "expected"),
    [(list(range(5)), 2, [[0, 1, 2], [3, 4]]),
     (list(range(4)), 2, [[0, 1], [2, 3]]),
     ([7], 3, [[7]]),
     ([], 2, []),
     (list(range(3)), 1, [[0, 1, 2]])],
    ids=["odd", "even", "fewer-items-than-parts", "none", "one-part"],
)
def test_a_batch_is_shared_out_in_order_without_empty_parts(items, parts, expected):
    assert shares(items, parts) == expected
