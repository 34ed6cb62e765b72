package org.qtrust.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 15.1: a request's outbound budget, on a ticker the test moves (nothing here waits). */
class OutboundBudgetTest {

    private final AtomicLong ticker = new AtomicLong(1_000);

    @Test
    void a_budget_shrinks_with_the_ticker_and_is_spent_at_its_end() {
        OutboundBudget budget = OutboundBudget.startingNow(Duration.ofSeconds(10), ticker::get);

        assertThat(budget.limited()).isTrue();
        assertThat(budget.remaining()).isEqualTo(Duration.ofSeconds(10));
        ticker.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(budget.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(budget.spent()).isFalse();
        ticker.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(budget.spent()).isTrue();
        ticker.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(budget.remainingNanos()).as("never negative").isZero();
        assertThat(budget.describe()).isEqualTo("the request's outbound budget of 10000 ms");
    }

    @Test
    void a_zero_budget_is_spent_at_once_and_a_negative_one_is_refused() {
        assertThat(OutboundBudget.startingNow(Duration.ZERO, ticker::get).spent()).isTrue();
        assertThatThrownBy(() -> OutboundBudget.startingNow(Duration.ofSeconds(-1), ticker::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_unlimited_budget_is_never_spent() {
        OutboundBudget unlimited = OutboundBudget.unlimited();

        assertThat(unlimited.limited()).isFalse();
        assertThat(unlimited.spent()).isFalse();
        assertThat(unlimited.remainingNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(unlimited.total()).isEmpty();
    }

    @Test
    void a_huge_budget_does_not_overflow_the_ticker() {
        ticker.set(Long.MAX_VALUE - 1_000);
        OutboundBudget budget = OutboundBudget.startingNow(Duration.ofDays(100_000), ticker::get);

        assertThat(budget.spent()).isFalse();
        assertThat(budget.remaining()).isPositive();
    }
}
