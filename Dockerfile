FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY prisma.config.ts tsconfig.json ./
RUN npm ci
COPY . .
ENV NODE_ENV=production
CMD ["npm", "start"]
