from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("documents/", views.document_list, name="document-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("events/", views.event_list, name="event-list"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("conventions/", views.convention_list, name="convention-list"),
    path("conventions/<slug:slug>/", views.convention_detail, name="convention-detail"),
]
