"""The `resolve` stage: times, places and actors of an annotated article."""
from __future__ import annotations

from dateline.records import AnnotatedArticle, ResolvedArticle


def resolve(annotated: AnnotatedArticle) -> ResolvedArticle:
    from dateline.resolve.actors import find_actor_mentions
    from dateline.resolve.places import resolve_places
    from dateline.resolve.times import find_times

    from dateline.resolve.actors import build_context

    places = resolve_places(annotated)
    ctx = build_context(annotated, places)
    return ResolvedArticle(annotated=annotated, times=find_times(annotated), places=places,
                           actor_mentions=find_actor_mentions(annotated, ctx))
