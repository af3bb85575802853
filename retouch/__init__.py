"""Retouch: a terminal image editor you talk to."""
