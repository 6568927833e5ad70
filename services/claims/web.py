"""GET /claims and GET /claims/{claim_id}, served by the claims worker's web server."""

from datetime import datetime

import faust
from faust.types import TableT
from faust.web import Request, Response, View

from services.claims.query import find, search
from services.claims.state import ClaimState


def register(app: faust.App, table: TableT) -> None:
    def states() -> list[ClaimState]:
        return [ClaimState.model_validate(v) for v in table.values() if v]

    @app.page("/claims")
    class Claims(View):
        async def get(self, request: Request) -> Response:
            q = request.query
            try:
                since = datetime.fromisoformat(q["since"]) if q.get("since") else None
            except ValueError:
                return self.json({"error": "since: not an ISO 8601 time"}, status=400)
            return self.json(search(states(), q.get("q"), q.get("entity"), since))

    @app.page("/claims/{claim_id}")
    class Claim(View):
        async def get(self, request: Request, claim_id: str) -> Response:
            found = find(states(), claim_id)
            if found is None:
                return self.json({"error": f"no claim {claim_id}"}, status=404)
            return self.json(found)
