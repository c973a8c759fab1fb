# The coordinator on a JRE image. Build from the repository root:
#   docker build -f deploy/docker/coordinator.Dockerfile -t probefleet/coordinator .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl coordinator -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/probefleet probefleet \
 && mkdir -p /var/lib/probefleet /definitions && chown probefleet /var/lib/probefleet
COPY --from=build /src/coordinator/target/coordinator-*-all.jar /opt/probefleet/coordinator.jar
COPY journeys/examples /definitions
USER probefleet
WORKDIR /var/lib/probefleet
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/probefleet/coordinator.jar", "coordinator"]
CMD ["--bind", "0.0.0.0", "--store", "sqlite:/var/lib/probefleet/probefleet.db", "--definitions", "/definitions"]
