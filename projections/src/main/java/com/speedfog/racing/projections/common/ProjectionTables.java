package com.speedfog.racing.projections.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read tables a projection (one class with a {@code @ProcessingGroup}) writes, and only it. A rebuild
 * replays the group into fresh copies of exactly these tables and swaps them in once they have caught up
 * with the live ones; a group in {@link ProjectionGroups#ALL} without them fails the gateway's start.
 * The tables are created by a Flyway migration like any other; they key on event data (ids, store
 * positions), never on database sequences, so a replay writes the same rows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProjectionTables {
    String[] value();
}
