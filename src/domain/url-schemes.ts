/**
 * The one list of URL schemes Folio lets into a page (docs/url-schemes.md). `links` is what the
 * text auto-linker recognises and what href, src and cite may use; `web` is the subset a
 * homepage may use, since a homepage is a page a reader's browser opens. Relative URLs are
 * always allowed and are not schemes.
 */
export const URL_SCHEMES = Object.freeze({
  // No ftp: browsers dropped FTP (Chrome 95, Firefox 90), so an ftp link only opens another
  // program. No Drupal extras (irc, news, nntp, rtsp, sftp, ssh, telnet, webcal) for the same reason.
  links: Object.freeze(['http', 'https', 'mailto', 'tel']) as readonly string[],
  web: Object.freeze(['http', 'https']) as readonly string[],
});
