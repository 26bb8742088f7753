# One image for web, worker and beat; docker-compose.yml picks the command.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=config.settings.production
RUN apt-get update && apt-get install -y --no-install-recommends \
      fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.lock pyproject.toml ./
RUN pip install --no-cache-dir uv && uv pip install --system --no-cache -r requirements.lock
COPY . .
RUN SECRET_KEY=build-only-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=build \
      python manage.py compilemessages --ignore '.venv' -v0 \
 && SECRET_KEY=build-only-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=build \
      python manage.py collectstatic --no-input -v0
RUN useradd --create-home yichuang && mkdir -p /app/media && chown -R yichuang /app/media
USER yichuang
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--pythonpath", "site", "--bind", "0.0.0.0:8000", "--workers", "3"]
