package dev.orchard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's script, plain and inline: it folds what the page writes unfolded ({@code <details open>}), shows
 * the filters and copy buttons, and filters the failures by service, verdict, tag, address family and free text.
 * Without it (scripts disabled, or a mail client) the page shows everything expanded and stays complete. The
 * Content-Security-Policy allows exactly this script by its hash, so text that escaped escaping could still not run.
 */
final class PageScript {

    /**
     * Runs in {@code <head>}: while the page parses, open {@code <details>} show only their summary (see
     * {@link #STYLE}), so a browser with scripts never lays out the expanded failures that {@link #SCRIPT} folds.
     */
    static final String HEAD = "document.documentElement.classList.add('folding');";

    /** Hides the content of open {@code <details>} while {@link #HEAD}'s class is on. */
    static final String STYLE = ".folding details[open]>:not(summary){display:none}\n";

    static final String SCRIPT = """
            (function () {
              var d = document;
              var filters = d.getElementById('filters');
              var items = [].slice.call(d.querySelectorAll('details.failure'));
              var groups = [].slice.call(d.querySelectorAll('details.cause'));
              [].slice.call(d.querySelectorAll('details[open]')).forEach(function (x) { x.open = false; });
              d.documentElement.classList.remove('folding');
              [].slice.call(d.querySelectorAll('button.copy')).forEach(function (b) {
                b.hidden = false;
                b.addEventListener('click', function () {
                  var text = d.getElementById(b.getAttribute('data-for')).textContent;
                  var done = function () { b.textContent = 'Copied'; };
                  if (navigator.clipboard) {
                    navigator.clipboard.writeText(text).then(done, function () { select(b); });
                  } else {
                    select(b);
                  }
                });
              });
              function select(b) {
                var range = d.createRange();
                range.selectNodeContents(d.getElementById(b.getAttribute('data-for')));
                var s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
                b.textContent = 'Selected: press Ctrl+C';
              }
              if (!filters) { return; }
              filters.hidden = false;
              var texts = null;
              var tags = items.map(function (x) { return (' ' + x.getAttribute('data-tags') + ' ').toLowerCase(); });
              var owner = items.map(function (x) { return groups.indexOf(x.parentNode); });
              var shown = d.getElementById('shown');
              function value(name) {
                var e = filters.querySelector('[name=' + name + ']');
                return e ? e.value.trim().toLowerCase() : '';
              }
              function apply() {
                if (!texts) { texts = items.map(function (x) { return x.textContent.toLowerCase(); }); }
                var service = value('service'), verdict = value('verdict'), tag = value('tag');
                var family = value('family'), words = value('search');
                var active = service || verdict || tag || family || words;
                var counts = groups.map(function () { return 0; });
                var total = 0;
                items.forEach(function (x, i) {
                  var ok = (!service || x.getAttribute('data-service').toLowerCase() === service)
                      && (!verdict || x.getAttribute('data-verdict').toLowerCase() === verdict)
                      && (!tag || tags[i].indexOf(' ' + tag + ' ') >= 0)
                      && (!family || tags[i].indexOf(' ' + family + ' ') >= 0)
                      && (!words || texts[i].indexOf(words) >= 0);
                  x.hidden = !ok;
                  if (ok) { total++; if (owner[i] >= 0) { counts[owner[i]]++; } }
                });
                groups.forEach(function (g, i) {
                  g.hidden = counts[i] === 0;
                  g.querySelector('.count').textContent = counts[i];
                  if (active) { g.open = counts[i] > 0; }
                });
                shown.textContent = active ? total + ' of ' + items.length + ' failures match' : '';
              }
              filters.addEventListener('input', apply);
              filters.addEventListener('change', apply);
            })();
            """;

    /** The CSP sources that allow {@link #HEAD} and {@link #SCRIPT} and nothing else. */
    static final String CSP_SOURCE = source(HEAD) + " " + source(SCRIPT);

    private PageScript() {
    }

    /** The CSP source that allows the inline {@code script}: {@code 'sha256-...'}. */
    static String source(String script) {
        try {
            return "'sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8))) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
