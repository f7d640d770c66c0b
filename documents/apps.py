from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Documents, events and conventions"

    def ready(self):
        from . import counts, page_cache, signals  # models are loaded only now

        signals.connect(self)
        counts.connect()
        page_cache.connect()
