package dev.reflex.db.shop.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * A web shop shaped like a Spring Boot application's model, first version: fifteen entities with {@code Long}
 * IDENTITY ids, {@code Instant} and {@code LocalDateTime} audit columns, {@code @Column(unique = true)} codes,
 * many-to-one links (one to its own table), enums stored as text and as numbers, money as {@code BigDecimal},
 * flags, a version column, a join table and named unique constraints and indexes. v2 is the next release of it,
 * with the changes a schema that already holds rows goes through.
 */
final class Shop {
  private Shop() {}
}

@MappedSuperclass
abstract class Audited {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at")
  LocalDateTime updatedAt;
}

enum Tier { BASIC, SILVER, GOLD }

enum OrderStatus { CART, PLACED, PAID, SHIPPED, DELIVERED, CANCELLED }

enum PaymentMethod { CARD, TRANSFER, VOUCHER }

@Entity
@Table(name = "customers")
class Customer extends Audited {
  @Column(nullable = false, unique = true, length = 120)
  String email;

  @Column(name = "display_name", length = 80)
  String displayName;

  @Column(nullable = false)
  boolean active;

  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  Tier tier;

  @Column(name = "birth_date")
  LocalDate birthDate;
}

@Entity
@Table(name = "addresses")
class Address {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  Customer customer;

  @Column(nullable = false)
  String line1;

  String city;

  @Column(length = 16)
  String postcode;

  @Column(name = "country_code", length = 2, nullable = false)
  String countryCode;
}

@Entity
@Table(name = "categories")
class Category {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 64)
  String slug;

  @Column(nullable = false)
  String name;

  @ManyToOne
  @JoinColumn(name = "parent_id")
  Category parent;
}

@Entity
@Table(name = "products", indexes = @Index(name = "ix_products_name", columnList = "name"))
class Product extends Audited {
  @Column(nullable = false, unique = true, length = 32)
  String sku;

  @Column(nullable = false)
  String name;

  @Column(length = 2000)
  String description;

  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal price;

  @Column(name = "weight_grams")
  Integer weightGrams;

  boolean discontinued;

  @ManyToOne(optional = false)
  @JoinColumn(name = "category_id")
  Category category;

  @ManyToMany
  @JoinTable(name = "product_tags", joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  Set<Tag> tags = new HashSet<>();
}

@Entity
@Table(name = "tags")
class Tag {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 40)
  String label;
}

@Entity
@Table(name = "warehouses")
class Warehouse {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 8)
  String code;

  @Column(nullable = false, length = 80)
  String name;
}

@Entity
@Table(name = "stock_levels", uniqueConstraints = @UniqueConstraint(name = "uk_stock_warehouse_product",
    columnNames = {"warehouse_id", "product_id"}))
class StockLevel {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "warehouse_id")
  Warehouse warehouse;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  Product product;

  int quantity;

  @Version
  long version;
}

@Entity
@Table(name = "orders", indexes = @Index(name = "ix_orders_placed_at", columnList = "placed_at"))
class PurchaseOrder extends Audited {
  @Column(nullable = false, unique = true, length = 20)
  String number;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  Customer customer;

  @ManyToOne
  @JoinColumn(name = "shipping_address_id")
  Address shippingAddress;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  OrderStatus status;

  @Column(name = "placed_at")
  Instant placedAt;

  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal total;
}

@Entity
@Table(name = "order_lines")
class OrderLine {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  PurchaseOrder order;

  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  Product product;

  int quantity;

  @Column(name = "unit_price", nullable = false, precision = 12, scale = 2)
  BigDecimal unitPrice;
}

@Entity
@Table(name = "payments")
class Payment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  PurchaseOrder order;

  @Enumerated(EnumType.ORDINAL)
  PaymentMethod method;

  @Column(nullable = false, precision = 12, scale = 2)
  BigDecimal amount;

  @Column(name = "paid_at")
  LocalDateTime paidAt;

  @Column(unique = true, length = 64)
  String reference;
}

@Entity
@Table(name = "shipments")
class Shipment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  PurchaseOrder order;

  @ManyToOne
  @JoinColumn(name = "warehouse_id")
  Warehouse warehouse;

  @Column(length = 40)
  String carrier;

  @Column(name = "tracking_number", unique = true, length = 64)
  String trackingNumber;

  @Column(name = "shipped_at")
  Instant shippedAt;

  @Column(name = "delivered_on")
  LocalDate deliveredOn;
}

@Entity
@Table(name = "reviews")
class Review extends Audited {
  @ManyToOne(optional = false)
  @JoinColumn(name = "product_id")
  Product product;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  Customer customer;

  short rating;

  @Column(length = 2000)
  String body;

  boolean published;
}

@Entity
@Table(name = "coupons")
class Coupon {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 24)
  String code;

  @Column(name = "percent_off")
  int percentOff;

  @Column(name = "valid_until")
  LocalDate validUntil;

  boolean active;
}

@Entity
@Table(name = "audit_events", indexes = @Index(name = "ix_audit_events_occurred_at", columnList = "occurred_at"))
class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Column(length = 80)
  String actor;

  @Column(nullable = false, length = 40)
  String action;

  @Column(length = 4000)
  String details;
}

@Entity
@Table(name = "newsletter_subscriptions")
class NewsletterSubscription {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true, length = 120)
  String email;

  @Column(name = "subscribed_at", nullable = false)
  LocalDateTime subscribedAt;

  @Column(name = "double_opt_in")
  boolean doubleOptIn;
}
