"""Outlet profiles: coverage, omissions, quoting (`profile`) and tone (`tone`)."""

from newsprism.compare.outlets.profile import profile_outlets

__all__ = ["profile_outlets"]
