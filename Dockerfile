# gasched: one image for the web (gunicorn), the Celery worker and beat, and migrations.
# Built and run by docker-compose.yml; settings come from the environment at run time.
FROM python:3.11-slim

# PYTHONPATH: import the project from /app, not from the copy `pip install .` puts in
# site-packages, because the settings find templates/, static/ and var/ relative to the
# gasched package (BASE_DIR).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=gasched.settings.production

WORKDIR /app

RUN groupadd --system gasched \
    && useradd --system --gid gasched --home-dir /app --no-create-home gasched

# The package and its dependencies (`pip install .` needs the code it packages).
COPY pyproject.toml manage.py ./
COPY gasched ./gasched
COPY meetings ./meetings
COPY missions ./missions
COPY correspondence ./correspondence
COPY accounts ./accounts
RUN pip install .

COPY templates ./templates
COPY static ./static
# The six official languages: the catalogues are compiled here (Babel, no gettext needed).
COPY locale ./locale
RUN pybabel -q compile --domain django --directory locale

# Static files are collected into the image (whitenoise serves them). The production
# settings refuse to load without SECRET_KEY and ALLOWED_HOSTS: dummy values, for this
# step only; they are not kept in the image.
RUN SECRET_KEY=collectstatic-only-not-a-secret ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media \
    && chown -R gasched:gasched /app/var

USER gasched

EXPOSE 8000

CMD ["gunicorn", "gasched.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
