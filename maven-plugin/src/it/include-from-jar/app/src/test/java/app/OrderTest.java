package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.orders.Order;
import lib.money.Money;
import org.junit.jupiter.api.Test;

class OrderTest {
  @Test
  void usesTheTypeFromTheIncludedJar() {
    Order order = new Order("o-1", new Money("EUR", 1250));
    assertEquals(1250, order.total().cents());
  }
}
