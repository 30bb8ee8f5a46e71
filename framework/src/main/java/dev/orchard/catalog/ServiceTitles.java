package dev.orchard.catalog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The article's section titles, in French and English and across Apple's renames, with the stable service id
 * each stands for. Apple renames sections; the ids, which are also JUnit tags, must not move with them.
 */
final class ServiceTitles {

    /** One service: its id, the English title the catalog uses, and every title the article has printed for it. */
    record Entry(String id, String english, List<String> titles) {
    }

    static final List<Entry> ENTRIES = List.of(
            entry("device-setup", "Device setup", "Configuration de l’appareil"),
            entry("mdm", "Device management", "Gestion des appareils"),
            entry("business-school-manager", "Apple Business Manager and Apple School Manager",
                    "Apple Business Manager et Apple School Manager", "Administrateurs et responsables",
                    "Administrators and managers", "Apple School Manager and Apple Business"),
            entry("business-school-manager-users", "Staff and students", "Personnel et élèves", "Employees and students"),
            entry("business-essentials", "Apple Business Essentials device management",
                    "Gestion des appareils Apple Business Essentials", "Apple Business device management"),
            entry("classroom", "Classroom and Schoolwork", "En classe et Pour l’école"),
            entry("software-updates", "Software updates", "Mises à jour logicielles"),
            entry("apps", "Apps and additional content", "Apps et contenu supplémentaire"),
            entry("carrier-updates", "Carrier updates", "Mises à jour des opérateurs"),
            entry("content-caching", "Content caching", "Mise en cache de contenu"),
            entry("content-caching-clients", "Content caching clients"),
            entry("beta-updates", "Beta updates", "Mises à jour bêta"),
            entry("diagnostics", "Apple diagnostics", "Diagnostics Apple"),
            entry("dns", "Domain Name System resolution", "Résolution DNS (Domain Name System)"),
            entry("certificate-validation", "Certificate validation", "Validation des certificats"),
            entry("apple-account", "Apple Account", "Compte Apple"),
            entry("icloud", "iCloud"),
            entry("apple-intelligence", "Apple Intelligence, Siri, and Search", "Apple Intelligence, Siri et recherche"),
            entry("associated-domains", "Associated domains", "Domaines associés"),
            entry("tap-to-pay", "Tap to Pay on iPhone"),
            entry("id-verifier", "ID Verifier on iPhone", "Vérificateur d’identité sur iPhone"));

    /** Sections that print a second table with no title of its own: the second table is this other service. */
    private static final Map<String, String> SECOND_TABLES = Map.of("content-caching", "content-caching-clients");

    private ServiceTitles() {
    }

    private static Entry entry(String id, String english, String... others) {
        List<String> titles = new java.util.ArrayList<>();
        titles.add(english);
        titles.addAll(List.of(others));
        return new Entry(id, english, List.copyOf(titles));
    }

    /** The service a printed title stands for, in either language, ignoring case, apostrophes and spacing. */
    static Optional<String> idOf(String title) {
        String wanted = normalize(title);
        return ENTRIES.stream().filter(e -> e.titles().stream().anyMatch(t -> normalize(t).equals(wanted)))
                .map(Entry::id).findFirst();
    }

    /** The English title of a known service. */
    static Optional<String> englishTitle(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).map(Entry::english).findFirst();
    }

    static Optional<String> secondTableOf(String id) {
        return Optional.ofNullable(SECOND_TABLES.get(id));
    }

    /** A new service id made from an unknown title: ASCII words joined by hyphens. */
    static String newId(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "untitled" : id;
    }

    static String normalize(String title) {
        return Normalizer.normalize(title, Normalizer.Form.NFC).replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
