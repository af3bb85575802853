"""Tiny random models the tests build and save themselves (the way diffusers tests do): no hub, no weights."""
