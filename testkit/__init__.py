"""What tests/ and benchmarks/ share: tiny random models, photo variants, quality measures.

Neither tree imports the other; both import this. Not installed with Retouch (only `retouch`
is), and nothing in the product imports it. Run from the repository root, as pytest and the
benchmarks do.
"""
