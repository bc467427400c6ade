import { Module } from '@nestjs/common';
import { BranchDirectory } from './branch-directory';
import { OrgController } from './org.controller';
import { OrgRepository } from './org.repository';
import { UnitDirectory } from './unit-directory';

@Module({ controllers: [OrgController], providers: [OrgRepository, BranchDirectory, UnitDirectory], exports: [OrgRepository, BranchDirectory, UnitDirectory] })
export class OrgModule {}
