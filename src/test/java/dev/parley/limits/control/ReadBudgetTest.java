package dev.parley.limits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.RateLimited;
import org.junit.jupiter.api.Test;

class ReadBudgetTest {
    @Test
    void aSyncCostsOneTokenPerTenNamesAndAtLeastOne() {
        assertEquals(1, ReadBudget.syncCost(0), "naming nothing still costs what a search does");
        assertEquals(1, ReadBudget.syncCost(10));
        assertEquals(2, ReadBudget.syncCost(11));
        assertEquals(20, ReadBudget.syncCost(200));
        assertEquals(Integer.MAX_VALUE / 10 + 1, ReadBudget.syncCost(Integer.MAX_VALUE));
    }

    @Test
    void searchesJoinsAndSyncsTakeFromOneBudgetPerUser() {
        ReadBudget budget = inMemory(30);
        budget.spendOnSync(1, 250);
        for (int i = 0; i < 5; i++) budget.spend(1);
        assertThrows(RateLimited.class, () -> budget.spend(1), "25 for the sync and 5 more spent the burst of 30");
        assertThrows(RateLimited.class, () -> budget.spendOnSync(1, 1));
        assertTrue(budget.take(2), "another user has a budget of their own");
    }

    @Test
    void aSyncNamingMoreThanTheBurstsWorthGoesThroughOnAFullBudget() {
        ReadBudget budget = inMemory(30);
        budget.spendOnSync(1, 5000);
        assertThrows(RateLimited.class, () -> budget.spend(1), "it cost the whole burst");
    }

    private static ReadBudget inMemory(int burst) {
        ReadBudget budget = new ReadBudget();
        budget.limits = RateLimits.inMemory();
        budget.size(burst, 1e-9); // no refill within the test
        return budget;
    }
}
