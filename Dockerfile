# One image recipe for the three services: docker build --build-arg SERVICE=notifier-service .
# Build stage: the Maven wrapper builds only the chosen service and what it depends on.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY test-support test-support
COPY registration-service registration-service
COPY milestone-service milestone-service
COPY notifier-service notifier-service
COPY ops-console ops-console
COPY chain-service chain-service
COPY service-support service-support
COPY local-stack/pom.xml local-stack/pom.xml
COPY bench/pom.xml bench/pom.xml
# The repository's history, only for git-commit-id: /actuator/info shows the commit and branch the
# image was built from. It stays in this stage; the run stage copies the jar alone.
COPY .git .git
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
      -pl "${SERVICE}" -am package \
 && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /src/app.jar

# Run stage: a JRE and the service, as an unprivileged user.
FROM eclipse-temurin:17-jre
ARG SERVICE
ENV SERVICE=${SERVICE} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
RUN useradd --system --uid 10001 milestones \
 && mkdir -p /data/kafka-streams && chown -R milestones /data
WORKDIR /data
COPY --from=build /src/app.jar /app/app.jar
USER milestones
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
