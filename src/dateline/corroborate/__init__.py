"""Across documents: copies of one story, incidents reported many times, and how
well each incident is corroborated.

    from dateline.corroborate import CopyFinder, Report, cluster, summarize
"""
from __future__ import annotations

from dateline.corroborate.clustering import cluster, incident_key
from dateline.corroborate.consensus import attribution_kind, independence_key, summarize
from dateline.corroborate.copies import (
    COPY_THRESHOLD, CopyFinder, CopyMatch, group_copies, story_text)
from dateline.corroborate.fingerprint import Fingerprint, fingerprint, similarity
from dateline.corroborate.reports import Party, Report

__all__ = ["COPY_THRESHOLD", "CopyFinder", "CopyMatch", "Fingerprint", "Party", "Report",
           "attribution_kind", "cluster", "fingerprint", "group_copies", "incident_key",
           "independence_key", "similarity", "story_text", "summarize"]
