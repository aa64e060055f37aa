from django.conf import settings


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the browser features the site never uses are switched off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
