package dev.parley.limits.boundary;

import dev.parley.http.Caller;
import dev.parley.limits.control.ReadBudget;
import dev.parley.limits.control.WriteBudget;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;

/**
 * Puts every REST call marked {@link SpendsWriteBudget} or {@link SpendsReadBudget} behind that budget,
 * one filter for both: chosen once per resource method at deployment, so a call that spends nothing
 * pays nothing. A call spends one budget, never both.
 */
@Provider
public class Budgets implements DynamicFeature {
    @Inject
    Caller caller;

    @Inject
    WriteBudget writes;

    @Inject
    ReadBudget reads;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        boolean write = marked(resource, SpendsWriteBudget.class);
        boolean read = marked(resource, SpendsReadBudget.class);
        if (write && read) throw new IllegalStateException(resource.getResourceMethod() + " spends both budgets; mark it with one");
        if (write) context.register(new BudgetFilter(caller, writes, "Too many writes; slow down"), Priorities.USER);
        if (read) context.register(new BudgetFilter(caller, reads, ReadBudget.REFUSAL), Priorities.USER);
    }

    private static boolean marked(ResourceInfo resource, Class<? extends Annotation> budget) {
        return resource.getResourceMethod().isAnnotationPresent(budget) || resource.getResourceClass().isAnnotationPresent(budget);
    }
}
