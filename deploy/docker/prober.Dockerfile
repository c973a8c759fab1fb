# A prober agent on Playwright's Java image (Chromium and its system libraries included).
# Build from the repository root:
#   docker build -f deploy/docker/prober.Dockerfile -t probefleet/prober .
FROM mcr.microsoft.com/playwright/java:v1.58.0-noble AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl prober -am package -DskipTests

FROM mcr.microsoft.com/playwright/java:v1.58.0-noble
# The agent drives the image's Chromium; Playwright must not try to download another.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
RUN ln -s "$(ls -d /ms-playwright/chromium-*/chrome-linux/chrome | head -n 1)" /usr/local/bin/chromium \
 && useradd --system --uid 10001 --create-home --home-dir /var/lib/probefleet probefleet
COPY --from=build /src/prober/target/prober-*-all.jar /opt/probefleet/prober.jar
USER probefleet
WORKDIR /var/lib/probefleet
EXPOSE 9470
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/probefleet/prober.jar", "prober"]
CMD ["--help"]
