from django.urls import path, re_path

from catalogue import certificate_views as views

urlpatterns = [
    path(
        "mine/", views.CooperativeCertificateListView.as_view(), name="cooperative-certificate-list"
    ),
    path(
        "mine/add/",
        views.CooperativeCertificateCreateView.as_view(),
        name="cooperative-certificate-add",
    ),
    path("review/", views.CertificateReviewListView.as_view(), name="certificate-review-list"),
    path(
        "review/verified/",
        views.CertificateVerifiedListView.as_view(),
        name="certificate-verified-list",
    ),
    re_path(
        r"^review/(?P<pk>[0-9]+)/(?P<decision>verify|reject|revoke)/$",
        views.CertificateReviewView.as_view(),
        name="certificate-review",
    ),
]
