# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY .ci/constraints.txt .ci/constraints.txt
COPY app app
# app/migrations links here; the wheel gets a copy.
COPY migrations migrations
# A regular wheel: it carries the migrations (app/migrations) and everything `serve` reads.
RUN python -m pip wheel --no-deps -w /wheels . \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install -c .ci/constraints.txt /wheels/shortlist-*.whl

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /data --create-home shortlist
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 \
    SHORTLIST_DATABASE_URL=sqlite+aiosqlite:////data/shortlist.db
USER shortlist
WORKDIR /data
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
CMD ["shortlist", "serve", "--host", "0.0.0.0", "--port", "8000"]
