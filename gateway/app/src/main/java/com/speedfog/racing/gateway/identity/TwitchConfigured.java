package com.speedfog.racing.gateway.identity;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when a Twitch client id is set (an empty TWITCH_CLIENT_ID counts as not set). */
class TwitchConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String clientId = context.getEnvironment().getProperty("speedfog.identity.twitch.client-id");
        return clientId != null && !clientId.isBlank();
    }
}
