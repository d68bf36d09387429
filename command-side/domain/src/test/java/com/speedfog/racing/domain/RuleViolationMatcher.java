package com.speedfog.racing.domain;

import com.speedfog.racing.command.common.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link RuleViolation} by its stable code. */
public final class RuleViolationMatcher extends TypeSafeMatcher<RuleViolation> {
    private final String code;

    private RuleViolationMatcher(String code) {
        this.code = code;
    }

    public static Matcher<RuleViolation> violation(String code) {
        return new RuleViolationMatcher(code);
    }

    @Override
    protected boolean matchesSafely(RuleViolation item) {
        return code.equals(item.code());
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a rule violation with code ").appendValue(code);
    }
}
