-- DropIndex
DROP INDEX "Execution_clientOrderId_key";

-- An order row is inserted as "sending" and updated with the venue's answer moments later. Free space on
-- each page lets that update stay on the page without new index entries (a HOT update). Not expressible
-- in schema.prisma.
ALTER TABLE "Order" SET (fillfactor = 70);
