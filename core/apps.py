from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Toolkit"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core.admin.sidebar import use_kept_sidebar
        from core.sessions import mark_signed_in

        user_logged_in.connect(mark_signed_in, dispatch_uid="core.sessions.mark_signed_in")
        use_kept_sidebar()
