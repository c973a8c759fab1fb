package org.probefleet.shop;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Optional;

/**
 * The shop's HTML: plain, accessible pages (landmarks, labels, real buttons) that journeys read like
 * a user. The templates in {@code src/main/jte} are compiled with the shop and escape every value.
 */
final class Pages {

    /** Templates compiled at build time into this package: nothing is compiled or written to disk at run time. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), Pages.class.getPackageName());

    record Home(int cartCount, Catalog.Product deal, List<Catalog.Product> products) {
    }

    record ProductPage(Catalog.Product product, int cartCount) {
    }

    record Cart(List<Store.Line> lines, int count, String total) {
    }

    /** A page with a form, the message of what was wrong with the last submission, and the beacon it includes, if any. */
    record Form(int cartCount, Optional<String> error, Optional<Beacon> beacon) {
    }

    record Confirmation(Store.Order order, String total, Optional<Beacon> beacon) {
    }

    record Search(String query, List<Catalog.Product> results, int cartCount) {
    }

    /** A page that only says something, with an optional link back to the catalogue. */
    record Message(String title, int cartCount, String heading, String text, Optional<String> link, Optional<Beacon> beacon) {
    }

    private Pages() {
    }

    static String home(int cartCount) {
        return render("home.jte", new Home(cartCount, Catalog.PRODUCTS.get(0), Catalog.PRODUCTS));
    }

    static String product(Catalog.Product product, int cartCount) {
        return render("product.jte", new ProductPage(product, cartCount));
    }

    static String cart(List<Store.Line> lines) {
        int count = lines.stream().mapToInt(Store.Line::quantity).sum();
        long total = lines.stream().mapToLong(line -> line.product().priceCents() * line.quantity()).sum();
        return render("cart.jte", new Cart(lines, count, Catalog.money(total)));
    }

    /** The checkout form; with a beacon it starts the real user's checkout journey. */
    static String checkout(int cartCount, String error, Optional<Beacon> beacon) {
        return render("checkout.jte", new Form(cartCount, Optional.ofNullable(error), beacon));
    }

    /** The order confirmation; with a beacon it completes the real user's checkout journey. */
    static String order(Store.Order order, Optional<Beacon> beacon) {
        return render("order.jte", new Confirmation(order, Catalog.money(order.totalCents()), beacon));
    }

    static String login(String error) {
        return render("login.jte", new Form(0, Optional.ofNullable(error), Optional.empty()));
    }

    static String account(int cartCount) {
        return render("message.jte", new Message("Your account", cartCount, "Welcome back", "Your orders and settings are here.",
                Optional.empty(), Optional.empty()));
    }

    static String search(String query, List<Catalog.Product> results, int cartCount) {
        return render("search.jte", new Search(query, results, cartCount));
    }

    /**
     * What {@code silent} chaos serves: a 200 page that looks fine to HTTP metrics but lacks what the
     * user came for. It includes the beacon, so a user who gives up and leaves reports the failure.
     */
    static String silent(Optional<Beacon> beacon) {
        return render("message.jte", new Message("Please wait", 0, "Thank you", "We are processing your request.", Optional.empty(), beacon));
    }

    static String notFound() {
        return render("message.jte", new Message("Not found", 0, "Page not found", "", Optional.of("Back to the catalogue"), Optional.empty()));
    }

    private static String render(String template, Object page) {
        StringOutput html = new StringOutput();
        TEMPLATES.render(template, page, html);
        return html.toString();
    }
}
