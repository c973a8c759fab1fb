package org.probefleet.shop;

import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleet shop}: runs the demo shop until interrupted. */
@Command(name = "shop", mixinStandardHelpOptions = true, version = "Probefleet 0.1.0",
        description = {"Run the demo shop that the example journeys probe.",
                "Inject faults with POST /admin/chaos, e.g. {\"mode\": \"error\", \"paths\": [\"/checkout\"]};",
                "clear them with DELETE /admin/chaos. POST /admin/alerts is a webhook that keeps what it is sent",
                "(GET /admin/alerts shows the last 100), for demos of alerting. GET /metrics counts real users'",
                "checkouts: checkout_started_total and purchase_completed_total (probes, by their User-Agent, left out)."})
public final class ShopMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8088", description = "port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--alert-log", paramLabel = "FILE", description = "append alerts posted to /admin/alerts (a webhook for demos) to FILE, one JSON line each")
    java.nio.file.Path alertLog;

    @Option(names = "--rum-coordinator", paramLabel = "URL",
            description = "include the coordinator's real-user beacon (URL/rum.js) on the checkout and order pages; needs --rum-site")
    String rumCoordinator;

    @Option(names = "--rum-site", paramLabel = "KEY", description = "the site key the beacon sends, one of the coordinator's rum sites")
    String rumSite;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ShopMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("--port must be from 0 to 65535, not " + port);
            return 2;
        }
        if ((rumCoordinator == null) != (rumSite == null)) {
            System.err.println("--rum-coordinator and --rum-site go together: give both or neither");
            return 2;
        }
        Optional<Beacon> beacon;
        try {
            beacon = rumSite == null ? Optional.empty() : Optional.of(new Beacon(rumCoordinator, rumSite));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        DemoShop shop;
        try {
            shop = DemoShop.start(vertx, bind, port, Optional.ofNullable(alertLog), beacon).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (is another shop running? pick another --port)");
            vertx.close();
            return 1;
        }
        System.out.println("Demo shop on http://" + bind + ":" + shop.port() + "  (chaos: POST/DELETE /admin/chaos; Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("shop did not stop within 5s: " + e.getMessage());
            }
            stopped.countDown();
        }, "shop-shutdown"));
        stopped.await();
        return 0;
    }
}
