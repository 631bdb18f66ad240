"""canonical.py -- the one canonical form of a result, and a safe repr.

A Check compares the learner's results with the reference solution's by
their canonical keys: strings built from exact types and values, compared
with === by the page. Building a key never calls a method the learner could
have written: no __eq__, __hash__, __repr__, __iter__ or __len__ of an
unknown type. An object of an unknown type gives "<unsupported type Foo>",
which never equals the key of a correct result.

    key(value, sharing="result", inputs=None) -> str
    short_repr(value, limit=200)              -> str (never runs learner code)
    type_name(value)                          -> "a list", "a Foo", ...
    differences(expected_key, actual_key)     -> words for the page, or None

Supported types, by exact type (a subclass is an unknown type):
None, bool, int, float, complex, str, bytes, bytearray, list, tuple, dict,
set, frozenset, range, collections.deque, and dict's stdlib subclasses
Counter, defaultdict and OrderedDict, which give the same key as a dict
with the same items (they compare equal to one).

Floats are rounded to 12 significant digits (-0.0 is 0.0), so two correct
ways of adding the same numbers agree. int, float and bool never give the
same key: 1, 1.0 and True are three different answers.

Sharing. `==` cannot tell one list used twice from two equal lists, and
topic 02 is about exactly that. So the key of a mutable container (list,
dict, set, bytearray, deque) that appears a second time in the result is a
back-reference "^k" to the k-th mutable container met, in a traversal whose
order is fixed by the values (dict items and set members are visited sorted
by their keys). A list holding one inner list twice and a list holding two
equal copies get different keys, and so does a cycle. Immutable values
(numbers, strings, tuples, frozensets) carry no identity: CPython shares
them at will.

sharing (a check cell sets it with CHECK_SHARING = "..."):
  "result"  (default) identity within the result, as above;
  "input"   also identity with the arguments the function was called with:
            a mutable container of the input that appears in the result is
            written "I<j>=" + its value, where j numbers the input's mutable
            containers in traversal order. A copy that is not deep enough
            then differs from a real copy even when the values agree;
  "none"    values only.

Keys longer than HASH_OVER characters are replaced by "#" + sha256 + ":" +
length, so a result of a million items travels as 70 characters.
"""

import collections
import hashlib

__all__ = ["key", "input_map", "short_repr", "type_name", "differences", "SHARING_MODES"]

SHARING_MODES = ("result", "input", "none")
HASH_OVER = 240
MAX_ITEMS = 4_000_000      # a result bigger than this is not walked
MAX_DEPTH = 400            # nor one nested deeper

_ATOM_TYPES = (type(None), bool, int, str, bytes)
_DICT_TYPES = (dict, collections.Counter, collections.defaultdict, collections.OrderedDict)
_MUTABLE = (list, dict, set, bytearray, collections.deque,
            collections.Counter, collections.defaultdict, collections.OrderedDict)
_dict_items = dict.items          # the C methods, never an override
_list_len = list.__len__


class _TooBig(Exception):
    pass


def _float_key(x):
    if x != x:
        return "nan"
    return "%.12g" % (x + 0.0)    # x + 0.0 turns -0.0 into 0.0


def _int_key(x):
    # hex has no digit limit (str() of a huge int raises since 3.11)
    return format(x, "x")


class _Walker:
    """One traversal: numbers the mutable containers met so far."""

    def __init__(self, sharing, input_ids):
        self.sharing = sharing
        self.seen = {} if sharing != "none" else None   # id -> label
        self.keep = []                                  # keeps ids valid
        self.input_ids = input_ids or {}
        self.items = 0

    def walk(self, v, depth=0):
        t = type(v)
        self.items += 1
        if self.items > MAX_ITEMS:
            raise _TooBig("more than %d items" % MAX_ITEMS)
        if depth > MAX_DEPTH:
            raise _TooBig("nested deeper than %d" % MAX_DEPTH)
        if t is int:
            return "i" + _int_key(v)
        if t is str:
            return "s%d:%s" % (len(v), v)
        if t is bool:
            return "T" if v else "F"
        if v is None:
            return "N"
        if t is float:
            return "f" + _float_key(v)
        if t is bytes:
            return "b%d:%s" % (len(v), v.hex())
        if t is complex:
            return "c(%s,%s)" % (_float_key(v.real), _float_key(v.imag))
        if t is range:
            return "R(%s,%s,%s)" % (_int_key(v.start), _int_key(v.stop), _int_key(v.step))
        if t is tuple:
            return "(" + self.sequence(v, depth) + ")"
        if t is frozenset:
            return "Z{" + self.members(v) + "}"
        if t in _MUTABLE:
            return self.container(v, t, depth)
        return "<unsupported type %s>" % _type_label(t)

    def container(self, v, t, depth):
        prefix = ""
        if self.seen is not None:
            ident = id(v)
            label = self.seen.get(ident)
            if label is not None:
                return "^%d" % label
            self.seen[ident] = len(self.seen)
            self.keep.append(v)
            j = self.input_ids.get(ident)
            if j is not None:
                prefix = "I%d=" % j
        if t is list:
            return prefix + "[" + self.sequence(v, depth) + "]"
        if t is collections.deque:
            return prefix + "Q[" + self.sequence(list(v), depth) + "]"
        if t is set:
            return prefix + "S{" + self.members(v) + "}"
        if t is bytearray:
            return prefix + "Y%d:%s" % (len(v), bytes(v).hex())
        # dict and its stdlib subclasses: the same key as a plain dict
        items = [(_plain_key(k), val) for k, val in _dict_items(v)]
        items.sort(key=lambda kv: kv[0])
        return prefix + "D{" + ",".join(k + ":" + self.walk(val, depth + 1) for k, val in items) + "}"

    def sequence(self, v, depth):
        fast = _atom_sequence(v)
        if fast is not None:
            self.items += len(v)
            return fast
        return ",".join([self.walk(x, depth + 1) for x in v])

    def members(self, v):
        # Set members and dict keys are hashable: no mutable containers
        # inside, so their keys do not depend on the traversal.
        self.items += len(v)
        types = set(map(type, v))
        if types == {int}:
            return ",".join(sorted(["i" + _int_key(x) for x in v]))
        if types == {str}:
            return ",".join(sorted(["s%d:%s" % (len(x), x) for x in v]))
        return ",".join(sorted(_plain_key(x) for x in v))


def _atom_sequence(v):
    """The key of a list/tuple of ints or strs or floats, at C speed; else None.

    repr() of an int or a str is exact and cannot be overridden (exact
    types only), so the repr of the whole sequence is a key."""
    if len(v) < 8:
        return None
    types = set(map(type, v))
    if len(types) != 1:
        return None
    t = types.pop()
    if t is int or t is str:
        try:
            return ("I" if t is int else "S") + repr(v)
        except ValueError:          # an int of more than 4300 digits
            return None
    if t is float:
        return "F" + ",".join(map(_float_key, v))
    return None


def _plain_key(v):
    return _Walker("none", None).walk(v)


def _type_label(t):
    try:
        name = type.__getattribute__(t, "__name__")
    except Exception:
        name = "?"
    return name if isinstance(name, str) else "?"


def input_map(inputs):
    """{id: number} of every mutable container reachable from inputs.

    Take it before the call (the function may change its input), and keep
    inputs alive until key() has used it."""
    found = {}
    stack = [inputs]
    keep = []
    while stack and len(found) < MAX_ITEMS:
        v = stack.pop()
        t = type(v)
        if t in _MUTABLE:
            if id(v) in found:
                continue
            found[id(v)] = len(found)
            keep.append(v)
            if t in _DICT_TYPES:
                stack.extend(reversed(list(_dict_items(v))))
            elif t is not bytearray and t is not set:
                stack.extend(reversed(list(v)))
        elif t is tuple:
            stack.extend(reversed(v))
    return found


def key(value, sharing="result", inputs=None):
    """The canonical key of value (see the module docstring).

    inputs: used only when sharing == "input": input_map() of the argument
    tuple, taken before the call (or the tuple itself, mapped now).
    """
    if sharing not in SHARING_MODES:
        raise ValueError("CHECK_SHARING must be one of %s, not %r" % (", ".join(SHARING_MODES), sharing))
    ids = None
    if sharing == "input" and inputs is not None:
        ids = inputs if type(inputs) is dict else input_map(inputs)
    try:
        text = _Walker(sharing, ids).walk(value)
    except _TooBig as exc:
        return "<too large: %s>" % exc
    except RecursionError:
        return "<too large: nested too deep>"
    if len(text) > HASH_OVER:
        text = "#%s:%d" % (hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), len(text))
    return text


# ------------------------------------------------------------------ repr --

def type_name(value):
    """'a list', 'an int', 'a Foo' -- for messages."""
    t = type(value)
    name = {type(None): "None"}.get(t) or _type_label(t)
    if name == "None":
        return "None"
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


_BRACKETS = {list: ("[", "]"), tuple: ("(", ")"), set: ("{", "}"),
             frozenset: ("frozenset({", "})"), collections.deque: ("deque([", "])")}


def short_repr(value, limit=200):
    """A repr of value cut to about limit characters.

    Built by hand for the supported types, so it never runs learner code
    and never walks more of a huge result than it shows.
    """
    out = []
    budget = [limit + 20]

    def emit(text):
        out.append(text)
        budget[0] -= len(text)

    def rec(v, depth, seen):
        if budget[0] <= 0:
            return
        t = type(v)
        if t in (int, bool, float, complex, type(None), range):
            if t is int and v.bit_length() > 4000:
                emit("<int of %d bits>" % v.bit_length())
            else:
                emit(repr(v))
        elif t in (str, bytes):
            emit(repr(v[: budget[0] + 1]) if len(v) > budget[0] else repr(v))
        elif t is bytearray:
            emit("bytearray(%r)" % bytes(v[: budget[0]]))
        elif t in (list, tuple, set, frozenset, collections.deque) or t in _DICT_TYPES:
            if id(v) in seen:
                emit("[...]" if t is list else "{...}")
                return
            if depth > 20:
                emit("...")
                return
            seen = seen | {id(v)}
            if t in _DICT_TYPES:
                opener, closer = "{", "}"
                items = list(_dict_items(v))
            else:
                opener, closer = _BRACKETS[t]
                items = list(v) if t is not list else v
                if t is set and not items:
                    emit("set()")
                    return
                if t is frozenset and not items:
                    emit("frozenset()")
                    return
            emit(opener)
            for i, item in enumerate(items):
                if budget[0] <= 0:
                    emit(", ...")
                    break
                if i:
                    emit(", ")
                if t in _DICT_TYPES:
                    rec(item[0], depth + 1, seen)
                    emit(": ")
                    rec(item[1], depth + 1, seen)
                else:
                    rec(item, depth + 1, seen)
            if t is tuple and len(items) == 1:
                emit(",")
            emit(closer)
        else:
            emit("<%s object>" % _type_label(t))

    try:
        rec(value, 0, frozenset())
    except RecursionError:
        emit("...")
    text = "".join(out)
    if len(text) > limit:
        text = text[: limit - 15] + " ... " + text[-10:]
    return text


# --------------------------------------------------------------- messages --

_KIND = {"i": "an int", "s": "a str", "S": "a set", "T": "a bool", "F": "a bool",
         "N": "None", "f": "a float", "b": "a bytes", "c": "a complex", "R": "a range",
         "(": "a tuple", "Z": "a frozenset", "[": "a list", "Q": "a deque", "D": "a dict",
         "Y": "a bytearray"}


def _kind_of(k):
    if k.startswith("<unsupported type "):
        name = k[len("<unsupported type "):-1]
        return ("an " if name[:1].lower() in "aeiou" else "a ") + name
    if k.startswith("I") and "=" in k[:12]:
        k = k.split("=", 1)[1]          # a container of the input
    return _KIND.get(k[:1])             # None for a hashed key ("#...")


def differences(expected_key, actual_key, expected_plain=None, actual_plain=None):
    """A sentence saying how two results differ when their type or their
    sharing does (the reprs already show a different value), else None.

    *_plain are the keys with sharing="none", when the caller has them."""
    if expected_key == actual_key or expected_key is None or actual_key is None:
        return None
    if actual_key.startswith("<raised ") or actual_key.startswith("<too large"):
        return None
    want, got = _kind_of(expected_key), _kind_of(actual_key)
    if actual_key.startswith("<unsupported type "):
        return "returned %s; expected %s. Return a built-in type: the checker compares only " \
               "built-in types and never calls your own class's methods" % (got, want or "a built-in type")
    if want and got and want != got:
        return "returned %s; expected %s" % (got, want)
    if expected_plain is not None and expected_plain == actual_plain:
        return "the values are right, but the result shares objects differently from the " \
               "reference: a list (or dict, or set) is one object where the reference has " \
               "separate ones, or the other way round"
    return None
