from django.urls import path

from documents.feeds import OrganizationFeed

from . import views

app_name = "organizations"

urlpatterns = [
    path("organizations/", views.organization_list, name="organization-list"),
    path("organizations/suggest/", views.organization_suggest, name="organization-suggest"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
    path("organizations/<slug:slug>/feed/", OrganizationFeed(), name="organization-feed"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
