from django.urls import path

from . import exports, feeds, views

app_name = "documents"

urlpatterns = [
    path("search/", views.search_results, name="search"),
    path("reconcile/", views.reconcile_service, name="reconcile"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("events/", views.event_archive, name="event-list"),
    path("events/<int:year>/", views.event_archive_year, name="event-archive-year"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("series/", views.series_list, name="series-list"),
    path("series/<slug:slug>/", views.series_detail, name="series-detail"),
    path("conventions/", views.convention_list, name="convention-list"),
    path("conventions/<slug:slug>/", views.convention_detail, name="convention-detail"),
    path("tags/", views.tag_list, name="tag-list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag-detail"),
    # Atom feeds (documents/feeds.py): the archive's, then one a record beside its page.
    path("feeds/documents/", feeds.NewDocumentsFeed(), name="document-feed"),
    path("feeds/events/", feeds.NewEventsFeed(), name="event-feed"),
    path("feeds/countries/<str:code>/", feeds.CountryFeed(), name="country-feed"),
    path("conventions/<slug:slug>/feed/", feeds.ConventionFeed(), name="convention-feed"),
    path("series/<slug:slug>/feed/", feeds.SeriesFeed(), name="series-feed"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("export/<slug:name>.csv", exports.export_csv, name="export-csv"),
    path("export/<slug:name>.json", exports.export_json, name="export-json"),
]
