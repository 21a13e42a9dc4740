"""Reading: text in, readings out. A value becomes an interval in pint units, a period a span of days.

``grammar.parse_value`` and ``periods.parse_period`` are the two entry points; the value grammar's
pieces (numbers, hedges, currencies, units, special forms) each have a module. Nothing here knows
files, claims or rules; it imports nothing of claimcheck's but ``errors``.
"""
