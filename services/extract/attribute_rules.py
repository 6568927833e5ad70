"""The model's attribute rules (fine tag → part of speech and morphology, word exceptions),
with the same matches found at less than half the cost.

spaCy's AttributeRuler runs every rule through its token Matcher, which starts every rule at
every token and calls a Python predicate per token for each set test: the 180 rules of
en_core_web_sm took 14% of the model's CPU time. 171 of them are one token of equalities
and IN / NOT_IN sets of strings (`{"TAG": "NNS"}`, `{"LOWER": "his", "TAG": "PRP"}`); those
are looked up in a table by the token's values here, once per distinct set of values (words
and tags repeat), and only the rest (regular expressions, two tokens) go through the
Matcher. The matches, their order and so the attributes set are those of spaCy's own
`match`; a one-token match sets its token without the Span spaCy makes for it.
"""

from functools import lru_cache
from itertools import product

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Attributes the Matcher reads as Doc.to_array does; a rule on any other is left to the Matcher.
SPECIAL = {"OP", "_", "SENT_START", "IS_SENT_START", "ENT_IOB"}
# Distinct (attribute values → rules matched) kept per ruler: words and tags repeat, so most
# tokens are found here, and a long-running worker's memory stays bounded.
KNOWN_VALUES = 1 << 16
Exclusions = tuple[tuple[int, frozenset[int]], ...]  # (attribute id, ids its value must not be)
Rule = tuple[tuple[int, ...], list[tuple[int, ...]], Exclusions]
Hits = tuple[tuple[int, int], ...]  # (rule number, match id)


def set_test(value: object, operator: str, strings) -> list[int] | None:
    """The ids of `{operator: [strings]}`, as the Matcher hashes them; None for any other test."""
    listed = value.get(operator) if isinstance(value, dict) and len(value) == 1 else None
    if isinstance(listed, list) and all(isinstance(v, str) for v in listed):
        return [strings.add(v) for v in listed]
    return None


def choices(value: object, strings) -> list[int] | None:
    """The ids a token value must equal one of, as the Matcher compares them; None for any
    other test."""
    if isinstance(value, str):
        return [strings.add(value)]
    if isinstance(value, bool):
        return [int(value)]
    return set_test(value, "IN", strings)


def excluded(value: object, strings) -> frozenset[int] | None:
    """The ids a token value must not be, for a NOT_IN test of strings; None for any other."""
    ids = set_test(value, "NOT_IN", strings)
    return None if ids is None else frozenset(ids)


def plain(token_spec: dict, strings) -> Rule | None:
    """(attribute ids tested for equality, every tuple of their values that matches,
    (attribute id, ids it must not be) per NOT_IN test) of a token spec of equalities, IN and
    NOT_IN sets of strings, else None."""
    names = ["ORTH" if str(k).upper() == "TEXT" else str(k).upper() for k in token_spec]
    if any(name in SPECIAL or name not in IDS for name in names):
        return None
    tests = sorted(zip((IDS[n] for n in names), token_spec.values(), strict=True), key=lambda t: t[0])
    equal = [(attr, choices(value, strings)) for attr, value in tests if choices(value, strings) is not None]
    unequal = [(attr, excluded(value, strings)) for attr, value in tests if choices(value, strings) is None]
    if not equal or any(ids is None for _, ids in unequal):
        return None
    return tuple(attr for attr, _ in equal), list(product(*(ids for _, ids in equal))), tuple(unequal)


class ValueRules:
    """The one-token rules of equalities and sets, looked up by a token's values: a table of
    (values of the attributes it tests for equality → rules) per such set of attributes."""

    def __init__(self) -> None:
        self.tables: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, int, Exclusions]]]] = {}
        self.columns: list[int] = []
        self.hits = lru_cache(maxsize=KNOWN_VALUES)(self.matched)

    def add(self, rule: int, key: int, found: Rule) -> None:
        attributes, matching, exclusions = found
        table = self.tables.setdefault(attributes, {})
        for values in matching:
            table.setdefault(values, []).append((rule, key, exclusions))
        self.columns = sorted({*self.columns, *attributes, *(attr for attr, _ in exclusions)})

    def matched(self, row: tuple[int, ...]) -> Hits:
        """(rule number, match id) of every rule a token with these column values matches."""
        value = dict(zip(self.columns, row, strict=True))
        return tuple(
            (rule, key)
            for attributes, table in self.tables.items()
            for rule, key, exclusions in table.get(tuple(value[attr] for attr in attributes), ())
            if not any(value[attr] in ids for attr, ids in exclusions)
        )


class IndexedAttributeRuler(AttributeRuler):
    """AttributeRuler whose one-token rules of equalities and IN sets are found by lookup."""

    def compiled(self) -> tuple[ValueRules, Matcher]:
        if getattr(self, "_compiled_for", None) != len(self.attrs):
            self._compiled = self.split()
            self._compiled_for = len(self.attrs)
        return self._compiled

    def split(self) -> tuple[ValueRules, Matcher]:
        """The rules found by their tokens' values, and a Matcher of the others."""
        rules, rest = ValueRules(), Matcher(self.vocab, validate=self.validate)
        for i in range(len(self.attrs)):
            key = self.vocab.strings.add(str(i))
            for pattern in self.matcher.get(key)[1]:
                found = plain(pattern[0], self.vocab.strings) if len(pattern) == 1 else None
                if found is None:
                    rest.add(str(i), [pattern])
                else:
                    rules.add(i, key, found)
        return rules, rest

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """spaCy's AttributeRuler.match: (rule number, match id, start, end), sorted."""
        rules, rest = self.compiled()
        matched = rest(doc, allow_missing=True, as_spans=False) if len(rest) else []
        found = {(int(self.vocab.strings[key]), key, start, end) for key, start, end in matched}
        if rules.columns:
            rows = doc.to_array(rules.columns).reshape(len(doc), len(rules.columns)).tolist()
            hits = map(rules.hits, map(tuple, rows))
            found.update((rule, key, i, i + 1) for i, matched in enumerate(hits) for rule, key in matched)
        return sorted(found)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """spaCy's, in the same order, without making a Span for a one-token match."""
        for match in matches:
            rule, _, start, end = match
            if end - start == 1 and self.indices[rule] in (0, -1):
                set_token_attrs(doc[start], self.attrs[rule])
            else:
                super().set_annotations(doc, [match])


@Language.factory("indexed_attribute_ruler", default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_rules(nlp: Language) -> None:
    """The model's "attribute_ruler", same rules and place, matched by IndexedAttributeRuler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    rules = nlp.get_pipe("attribute_ruler").to_bytes()
    nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler").from_bytes(rules)
