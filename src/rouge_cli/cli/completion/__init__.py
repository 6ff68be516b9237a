"""Shell completion: the quick Tab answer, what a table offers, and the tables built from the gated view.

`tab` answers the shells, `offer` matches a typed prefix, `tables` builds tables through the gate.
"""
