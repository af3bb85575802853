"""Tiny random models built in a few seconds (the way diffusers tests do): no hub, no weights."""
