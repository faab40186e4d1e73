// Tells Plenum the browser's time zone, so that pages show session times in the viewer's zone.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.cookie.indexOf("plenum_tz=" + encodeURIComponent(zone)) < 0) {
    document.cookie = "plenum_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
  }
})();
