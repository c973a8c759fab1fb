package org.probefleet.prober.run;

import java.util.Map;
import org.probefleet.journeys.model.Template;

/** Renders {@code ${…}} references at run time from the environment, the secrets and extracted variables. */
public final class Resolver {

    /** A reference with no value: a setup problem of the agent, not a failure of the target. */
    public static final class MissingValue extends ProberFault {
        public MissingValue(String message) {
            super(message);
        }
    }

    private final Secrets secrets;
    private final java.util.function.Function<String, String> environment;

    public Resolver(Secrets secrets, java.util.function.Function<String, String> environment) {
        this.secrets = secrets;
        this.environment = environment;
    }

    public String render(String text, Map<String, String> variables) {
        return Template.parse(text).render(part -> {
            if (part instanceof Template.Env env) {
                String value = environment.apply(env.name());
                if (value != null && !value.isEmpty()) {
                    return value;
                }
                if (env.fallback() != null) {
                    return env.fallback();
                }
                throw new MissingValue("environment variable " + env.name() + " is not set on this agent");
            }
            if (part instanceof Template.Secret secret) {
                return secrets.get(secret.name()).orElseThrow(() -> new MissingValue("secret " + secret.name()
                        + " is not set on this agent: export " + secret.name() + "=... or add it to the secrets file"));
            }
            String name = ((Template.Variable) part).name();
            String value = variables.get(name);
            if (value == null) {
                throw new MissingValue("variable " + name + " has no value: its extract found nothing");
            }
            return value;
        });
    }

    public boolean hasSecret(String text) {
        return Template.parse(text).hasSecrets();
    }
}
