# The demo shop the example journeys probe. Build from the repository root:
#   docker build -f deploy/docker/shop.Dockerfile -t probefleet/demo-shop .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl deploy/demo-shop -am package -DskipTests

FROM eclipse-temurin:17-jre
COPY --from=build /src/deploy/demo-shop/target/demo-shop-*-all.jar /opt/probefleet/shop.jar
USER 10001
EXPOSE 8088
ENTRYPOINT ["java", "-jar", "/opt/probefleet/shop.jar"]
CMD ["--bind", "0.0.0.0", "--port", "8088"]
