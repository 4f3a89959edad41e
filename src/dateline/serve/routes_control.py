"""HTTP route of the claims report: GET /api/claims?actor=NAME[&since=&until=]."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from dateline.serve.settings import Settings, settings_of

router = APIRouter(prefix="/api", tags=["control"])
CurrentSettings = Annotated[Settings, Depends(settings_of)]
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


@router.get("/claims", summary="What an actor says it targets next to where its attacks "
            "landed, by admin1 area and by who held the ground, with the events behind "
            "every count")
def claims(settings: CurrentSettings, actor: Annotated[str, Query(min_length=1)],
           since: Annotated[str | None, Query(pattern=ISO_DATE)] = None,
           until: Annotated[str | None, Query(pattern=ISO_DATE)] = None) -> dict[str, Any]:
    from dateline.control import claims_report

    try:
        return claims_report(str(settings.db_path), actor, since=since, until=until)
    except ValueError as err:
        raise HTTPException(422, str(err)) from None
