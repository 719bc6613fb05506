"""The web application gunicorn serves (`gasched.wsgi:application`).

Production settings unless DJANGO_SETTINGS_MODULE says otherwise, and it refuses to
start on settings unsafe for a server (gasched.startup).
"""

import os

from django.core.wsgi import get_wsgi_application

from gasched.startup import refuse_unsafe_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gasched.settings.production")
refuse_unsafe_settings()
application = get_wsgi_application()
