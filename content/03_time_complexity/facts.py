"""Facts the time-complexity lesson states, computed where it is read.

Each function returns the exact text the prose shows.
"""

import time


def claimed_resolution():
    """What perf_counter says its step is (not what it really is)."""
    return str(time.get_clock_info("perf_counter").resolution)
